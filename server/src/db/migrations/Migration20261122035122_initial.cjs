'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122035122_initial extends Migration {

  name = 'Migration20261122035122_initial';

  async up() {
    this.addSql(`create table "email_message" ("id" uuid not null, "to" varchar(254) not null, "subject" varchar(300) not null, "text" text not null, "html" text null, "kind" varchar(40) not null, "status" text not null, "error" varchar(500) null, "created_at" timestamptz not null, "sent_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "email_message_to_index" on "email_message" ("to");`);
    this.addSql(`create index "email_message_created_at_index" on "email_message" ("created_at");`);

    this.addSql(`create table "tenant" ("id" uuid not null, "name" varchar(80) not null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "tenant_id" uuid null, "action" varchar(80) not null, "actor_id" uuid null, "actor_email" varchar(254) null, "subject_id" uuid null, "subject_email" varchar(254) null, "target" varchar(200) null, "details" jsonb null, "ip" varchar(64) null, "via" text not null default 'direct', "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "audit_event_action_index" on "audit_event" ("action");`);
    this.addSql(`create index "audit_event_created_at_index" on "audit_event" ("created_at");`);
    this.addSql(`create index "audit_event_tenant_id_created_at_index" on "audit_event" ("tenant_id", "created_at");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(120) not null, "password_hash" varchar(255) null, "email_verified_at" timestamptz null, "locale" varchar(8) not null default 'pt-BR', "is_staff" boolean not null default false, "created_at" timestamptz not null, "last_login_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "one_time_token" ("id" uuid not null, "token_hash" varchar(64) not null, "purpose" text not null, "user_id" uuid not null, "data" jsonb null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "one_time_token" add constraint "one_time_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "one_time_token_user_id_index" on "one_time_token" ("user_id");`);

    this.addSql(`create table "membership" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid not null, "role" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);
    this.addSql(`alter table "membership" add constraint "membership_tenant_id_user_id_unique" unique ("tenant_id", "user_id");`);

    this.addSql(`create table "invitation" ("id" uuid not null, "tenant_id" uuid not null, "email" varchar(254) not null, "role" text not null, "token_hash" varchar(64) not null, "invited_by_id" uuid null, "status" text not null default 'pending', "expires_at" timestamptz not null, "responded_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "invitation_tenant_id_index" on "invitation" ("tenant_id");`);
    this.addSql(`create index "invitation_email_index" on "invitation" ("email");`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "auth_session" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip" varchar(64) null, "user_agent" varchar(300) null, "impersonator_id" uuid null, "impersonation_tenant_id" uuid null, "impersonation_reason" varchar(500) null, "impersonation_ticket" varchar(100) null, "ended_reason" varchar(20) null, primary key ("id"));`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "auth_session_user_id_index" on "auth_session" ("user_id");`);

    this.addSql(`alter table "email_message" add constraint "email_message_status_check" check ("status" in ('queued', 'sent', 'outbox', 'failed'));`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_via_check" check ("via" in ('direct', 'impersonation', 'system'));`);

    this.addSql(`alter table "one_time_token" add constraint "one_time_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "one_time_token" add constraint "one_time_token_purpose_check" check ("purpose" in ('verify_email', 'magic_link', 'password_reset', 'impersonation_handoff'));`);

    this.addSql(`alter table "membership" add constraint "membership_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_role_check" check ("role" in ('owner', 'admin', 'member', 'viewer', 'billing'));`);

    this.addSql(`alter table "invitation" add constraint "invitation_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "invitation" add constraint "invitation_role_check" check ("role" in ('owner', 'admin', 'member', 'viewer', 'billing'));`);
    this.addSql(`alter table "invitation" add constraint "invitation_status_check" check ("status" in ('pending', 'accepted', 'declined', 'revoked', 'expired'));`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_impersonator_id_foreign" foreign key ("impersonator_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_impersonation_tenant_id_foreign" foreign key ("impersonation_tenant_id") references "tenant" ("id") on delete cascade;`);
  }

  async down() {
    this.addSql(`alter table "audit_event" drop constraint "audit_event_tenant_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_tenant_id_foreign";`);
    this.addSql(`alter table "invitation" drop constraint "invitation_tenant_id_foreign";`);
    this.addSql(`alter table "auth_session" drop constraint "auth_session_impersonation_tenant_id_foreign";`);
    this.addSql(`alter table "one_time_token" drop constraint "one_time_token_user_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);
    this.addSql(`alter table "invitation" drop constraint "invitation_invited_by_id_foreign";`);
    this.addSql(`alter table "auth_session" drop constraint "auth_session_user_id_foreign";`);
    this.addSql(`alter table "auth_session" drop constraint "auth_session_impersonator_id_foreign";`);

    this.addSql(`drop table if exists "email_message" cascade;`);
    this.addSql(`drop table if exists "tenant" cascade;`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "one_time_token" cascade;`);
    this.addSql(`drop table if exists "membership" cascade;`);
    this.addSql(`drop table if exists "invitation" cascade;`);
    this.addSql(`drop table if exists "auth_session" cascade;`);
  }

}
exports.Migration20261122035122_initial = Migration20261122035122_initial;
