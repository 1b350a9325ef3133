'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122061310_whatsapp extends Migration {

  name = 'Migration20261122061310_whatsapp';

  async up() {
    this.addSql(`create table "bot_host" ("id" varchar(100) not null, "url" varchar(300) not null, "status" text not null, "version" varchar(40) not null, "capacity" int not null, "sessions" int not null, "workers" int not null, "total_bytes" bigint not null, "free_bytes" bigint not null, "used_by_sessions_bytes" bigint not null, "uptime_seconds" int not null, "first_seen_at" timestamptz not null, "last_heartbeat_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "host_event" ("id" varchar(400) not null, "type" varchar(40) not null, "bot_id" uuid not null, "processed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "host_event_bot_id_index" on "host_event" ("bot_id");`);

    this.addSql(`create table "bot" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(60) not null, "channel" text not null default 'web', "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "bot_tenant_id_created_at_index" on "bot" ("tenant_id", "created_at");`);

    this.addSql(`create table "wa_session" ("bot_id" uuid not null, "tenant_id" uuid not null, "host_id" varchar(100) null, "desired" text not null default 'stopped', "state" text not null default 'new', "wa_state" varchar(40) null, "wid" varchar(100) null, "number" varchar(20) null, "profile_name" varchar(100) null, "qr_data_url" text null, "qr_attempt" int not null default 0, "last_qr_at" timestamptz null, "pairing_code" varchar(16) null, "pairing_phone" varchar(15) null, "last_reason" text null, "last_error" varchar(500) null, "restarts" int not null default 0, "last_event_at" timestamptz null, "ready_at" timestamptz null, "updated_at" timestamptz not null, primary key ("bot_id"));`);
    this.addSql(`create index "wa_session_tenant_id_index" on "wa_session" ("tenant_id");`);
    this.addSql(`create index "wa_session_host_id_index" on "wa_session" ("host_id");`);

    this.addSql(`alter table "bot_host" add constraint "bot_host_status_check" check ("status" in ('ok', 'degraded', 'shutting_down'));`);

    this.addSql(`alter table "bot" add constraint "bot_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "bot" add constraint "bot_channel_check" check ("channel" in ('web'));`);

    this.addSql(`alter table "wa_session" add constraint "wa_session_bot_id_foreign" foreign key ("bot_id") references "bot" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "wa_session" add constraint "wa_session_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "wa_session" add constraint "wa_session_desired_check" check ("desired" in ('running', 'stopped'));`);
    this.addSql(`alter table "wa_session" add constraint "wa_session_state_check" check ("state" in ('new', 'queued', 'no_host', 'starting', 'qr', 'authenticated', 'ready', 'reconnecting', 'restarting', 'stopping', 'stopped', 'failed'));`);
    this.addSql(`alter table "wa_session" add constraint "wa_session_last_reason_check" check ("last_reason" in ('CONFLICT', 'UNPAIRED', 'LOGOUT', 'TIMEOUT', 'BROWSER_CRASHED', 'WORKER_CRASHED', 'AUTH_FAILURE', 'QR_EXPIRED', 'STUCK', 'START_FAILED', 'STOPPED', 'OTHER'));`);
  }

  async down() {
    this.addSql(`alter table "wa_session" drop constraint "wa_session_bot_id_foreign";`);

    this.addSql(`drop table if exists "bot_host" cascade;`);
    this.addSql(`drop table if exists "host_event" cascade;`);
    this.addSql(`drop table if exists "bot" cascade;`);
    this.addSql(`drop table if exists "wa_session" cascade;`);
  }

}
exports.Migration20261122061310_whatsapp = Migration20261122061310_whatsapp;
