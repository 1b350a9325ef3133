'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122062954_webhooks extends Migration {

  name = 'Migration20261122062954_webhooks';

  async up() {
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "tenant_id" uuid not null, "url" varchar(2000) not null, "description" varchar(200) not null default '', "events" text[] not null, "secret_sealed" text not null, "secret_hint" varchar(16) not null, "enabled" boolean not null default true, "created_at" timestamptz not null, "created_by_id" uuid null, "created_by_email" varchar(254) null, primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_tenant_id_created_at_index" on "webhook_endpoint" ("tenant_id", "created_at");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "tenant_id" uuid not null, "endpoint_id" uuid not null, "event_id" varchar(200) not null, "event_type" varchar(60) not null, "payload" jsonb not null, "status" text not null default 'pending', "attempts" int not null default 0, "last_status_code" int null, "last_error" varchar(500) null, "response_snippet" varchar(500) null, "next_attempt_at" timestamptz null, "created_at" timestamptz not null, "delivered_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_tenant_id_created_at_index" on "webhook_delivery" ("tenant_id", "created_at");`);
    this.addSql(`create index "webhook_delivery_endpoint_id_created_at_index" on "webhook_delivery" ("endpoint_id", "created_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('pending', 'succeeded', 'failed'));`);
  }

  async down() {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }

}
exports.Migration20261122062954_webhooks = Migration20261122062954_webhooks;
