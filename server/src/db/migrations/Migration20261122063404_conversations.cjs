'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122063404_conversations extends Migration {

  name = 'Migration20261122063404_conversations';

  async up() {
    this.addSql(`create table "pairing_request" ("id" uuid not null, "tenant_id" uuid not null, "bot_id" uuid not null, "phone" varchar(20) not null, "name" varchar(120) null, "code" varchar(12) not null, "status" text not null default 'pending', "expires_at" timestamptz not null, "decided_at" timestamptz null, "decided_by_email" varchar(254) null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "pairing_request_tenant_id_index" on "pairing_request" ("tenant_id");`);
    this.addSql(`create index "pairing_request_bot_id_phone_index" on "pairing_request" ("bot_id", "phone");`);

    this.addSql(`create table "conversation" ("id" uuid not null, "tenant_id" uuid not null, "bot_id" uuid not null, "channel" text not null, "chat_id" varchar(120) not null, "chat_type" text not null, "title" varchar(120) not null default '', "contact_phone" varchar(20) null, "agent_id" varchar(32) null, "paused" boolean not null default false, "paused_by_email" varchar(254) null, "message_count" int not null default 0, "last_message_at" timestamptz not null, "last_text" varchar(200) not null default '', "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "conversation_tenant_id_last_message_at_index" on "conversation" ("tenant_id", "last_message_at");`);
    this.addSql(`alter table "conversation" add constraint "conversation_bot_id_channel_chat_id_unique" unique ("bot_id", "channel", "chat_id");`);

    this.addSql(`create table "chat_message" ("id" uuid not null, "tenant_id" uuid not null, "conversation_id" uuid not null, "bot_id" uuid not null, "direction" text not null, "external_id" varchar(300) null, "author_id" varchar(120) null, "author_name" varchar(120) null, "text" text not null, "media_type" varchar(30) null, "status" text not null, "rule" varchar(200) null, "agent_id" varchar(32) null, "model" varchar(60) null, "reply_to_id" uuid null, "part" int null, "usage_request_id" varchar(80) null, "cost_nano" bigint null, "input_tokens" int null, "output_tokens" int null, "error" varchar(500) null, "feedback" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "chat_message_conversation_id_created_at_index" on "chat_message" ("conversation_id", "created_at");`);
    this.addSql(`create index "chat_message_tenant_id_created_at_index" on "chat_message" ("tenant_id", "created_at");`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_bot_id_direction_external_id_unique" unique ("bot_id", "direction", "external_id");`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_reply_to_id_part_unique" unique ("reply_to_id", "part");`);

    this.addSql(`create table "bot_config_version" ("id" uuid not null, "tenant_id" uuid not null, "bot_id" uuid not null, "version" int not null, "config" jsonb not null, "kind" text not null default 'save', "restored_from" int null, "note" varchar(300) null, "author_id" uuid null, "author_email" varchar(254) null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "bot_config_version_tenant_id_index" on "bot_config_version" ("tenant_id");`);
    this.addSql(`alter table "bot_config_version" add constraint "bot_config_version_bot_id_version_unique" unique ("bot_id", "version");`);

    this.addSql(`alter table "pairing_request" add constraint "pairing_request_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "pairing_request" add constraint "pairing_request_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on delete cascade;`);
    this.addSql(`alter table "pairing_request" add constraint "pairing_request_status_check" check ("status" in ('pending', 'approved', 'rejected'));`);

    this.addSql(`alter table "conversation" add constraint "conversation_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "conversation" add constraint "conversation_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on delete cascade;`);
    this.addSql(`alter table "conversation" add constraint "conversation_channel_check" check ("channel" in ('web', 'cloud', 'sandbox'));`);
    this.addSql(`alter table "conversation" add constraint "conversation_chat_type_check" check ("chat_type" in ('direct', 'group'));`);

    this.addSql(`alter table "chat_message" add constraint "chat_message_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on delete cascade;`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_direction_check" check ("direction" in ('in', 'out'));`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_status_check" check ("status" in ('received', 'answered', 'ignored', 'recorded', 'pending', 'sent', 'delivered', 'read', 'failed'));`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_feedback_check" check ("feedback" in ('up', 'down'));`);

    this.addSql(`alter table "bot_config_version" add constraint "bot_config_version_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "bot_config_version" add constraint "bot_config_version_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on delete cascade;`);
    this.addSql(`alter table "bot_config_version" add constraint "bot_config_version_kind_check" check ("kind" in ('save', 'restore', 'rollback', 'import'));`);
  }

  async down() {
    this.addSql(`alter table "chat_message" drop constraint "chat_message_conversation_id_foreign";`);

    this.addSql(`drop table if exists "pairing_request" cascade;`);
    this.addSql(`drop table if exists "conversation" cascade;`);
    this.addSql(`drop table if exists "chat_message" cascade;`);
    this.addSql(`drop table if exists "bot_config_version" cascade;`);
  }

}
exports.Migration20261122063404_conversations = Migration20261122063404_conversations;
