'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122042036_gateway extends Migration {

  name = 'Migration20261122042036_gateway';

  async up() {
    this.addSql(`create table "llm_provider" ("id" uuid not null, "name" varchar(60) not null, "kind" text not null, "base_url" varchar(300) null, "secret_sealed" text not null, "secret_hint" varchar(8) not null, "priority" int not null, "rpm" int null, "tpm" int null, "enabled" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "llm_provider" add constraint "llm_provider_name_unique" unique ("name");`);

    this.addSql(`create table "llm_usage" ("id" uuid not null, "tenant_id" uuid not null, "agent_id" uuid null, "channel" varchar(20) not null, "conversation_id" varchar(100) null, "model" varchar(80) not null, "requested_model" varchar(80) not null, "provider_id" uuid null, "provider_name" varchar(60) null, "input_tokens" int not null, "output_tokens" int not null, "cache_write5m_tokens" int not null, "cache_write1h_tokens" int not null, "cache_read_tokens" int not null, "cost_nano" bigint not null, "price_version" varchar(20) not null, "latency_ms" int not null, "attempts" smallint not null, "outcome" text not null, "error_type" varchar(60) null, "request_id" varchar(80) not null, "upstream_request_id" varchar(80) null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "llm_usage_tenant_id_created_at_index" on "llm_usage" ("tenant_id", "created_at");`);
    this.addSql(`create index "llm_usage_provider_id_created_at_index" on "llm_usage" ("provider_id", "created_at");`);

    this.addSql(`create table "budget_alert" ("id" uuid not null, "tenant_id" uuid not null, "kind" text not null, "scope" varchar(80) not null, "agent_id" uuid null, "period" varchar(10) not null, "threshold" int not null, "limit_nano" bigint not null, "spent_nano" bigint not null, "created_at" timestamptz not null, "acknowledged_at" timestamptz null, "acknowledged_by_email" varchar(254) null, primary key ("id"));`);
    this.addSql(`create index "budget_alert_tenant_id_created_at_index" on "budget_alert" ("tenant_id", "created_at");`);
    this.addSql(`alter table "budget_alert" add constraint "budget_alert_tenant_id_kind_scope_period_threshold_unique" unique ("tenant_id", "kind", "scope", "period", "threshold");`);

    this.addSql(`create table "budget" ("id" uuid not null, "tenant_id" uuid not null, "scope" varchar(80) not null, "agent_id" uuid null, "monthly_limit_nano" bigint null, "daily_cap_nano" bigint null, "downgrade_below_percent" int null, "rpm" int null, "tpm" int null, "alert_webhook_url" varchar(500) null, "webhook_secret_sealed" text null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "budget" add constraint "budget_tenant_id_scope_unique" unique ("tenant_id", "scope");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "tenant_id" uuid not null, "name" varchar(60) not null, "prefix" varchar(16) not null, "last4" varchar(4) not null, "key_hash" varchar(64) not null, "created_by_id" uuid null, "created_by_email" varchar(254) null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "api_key_tenant_id_index" on "api_key" ("tenant_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`alter table "llm_provider" add constraint "llm_provider_kind_check" check ("kind" in ('api_key', 'oauth_token'));`);

    this.addSql(`alter table "llm_usage" add constraint "llm_usage_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "llm_usage" add constraint "llm_usage_outcome_check" check ("outcome" in ('ok', 'error', 'refused'));`);

    this.addSql(`alter table "budget_alert" add constraint "budget_alert_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "budget_alert" add constraint "budget_alert_kind_check" check ("kind" in ('budget_threshold', 'daily_cap'));`);

    this.addSql(`alter table "budget" add constraint "budget_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
  }

  async down() {
    this.addSql(`drop table if exists "llm_provider" cascade;`);
    this.addSql(`drop table if exists "llm_usage" cascade;`);
    this.addSql(`drop table if exists "budget_alert" cascade;`);
    this.addSql(`drop table if exists "budget" cascade;`);
    this.addSql(`drop table if exists "api_key" cascade;`);
  }

}
exports.Migration20261122042036_gateway = Migration20261122042036_gateway;
