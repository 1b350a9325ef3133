'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122064811_cloud_api extends Migration {

  name = 'Migration20261122064811_cloud_api';

  async up() {
    this.addSql(`create table "cloud_settings" ("id" uuid not null, "tenant_id" uuid not null, "bot_id" uuid not null, "phone_number_id" varchar(30) null, "waba_id" varchar(30) null, "graph_base_url" varchar(300) not null, "verify_token" varchar(64) not null, "access_token_sealed" text null, "access_token_hint" varchar(16) null, "app_secret_sealed" text null, "app_secret_hint" varchar(16) null, "token_invalid_at" timestamptz null, "token_error" varchar(500) null, "verified_at" timestamptz null, "last_webhook_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "cloud_settings_tenant_id_index" on "cloud_settings" ("tenant_id");`);
    this.addSql(`alter table "cloud_settings" add constraint "cloud_settings_bot_id_unique" unique ("bot_id");`);

    this.addSql(`alter table "bot" drop constraint "bot_channel_check";`);
    this.addSql(`alter table "bot" add constraint "bot_channel_check" check ("channel" in ('web', 'cloud'));`);

    this.addSql(`alter table "conversation" add "last_inbound_at" timestamptz null;`);

    this.addSql(`alter table "cloud_settings" add constraint "cloud_settings_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "cloud_settings" add constraint "cloud_settings_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on delete cascade;`);
  }

  async down() {
    this.addSql(`drop table if exists "cloud_settings" cascade;`);

    this.addSql(`alter table "bot" drop constraint "bot_channel_check";`);
    this.addSql(`alter table "bot" add constraint "bot_channel_check" check ("channel" in ('web'));`);

    this.addSql(`alter table "conversation" drop column "last_inbound_at";`);
  }

}
exports.Migration20261122064811_cloud_api = Migration20261122064811_cloud_api;
