'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122091820_billing extends Migration {

  name = 'Migration20261122091820_billing';

  async up() {
    this.addSql(`create table "plan_setting" ("id" text not null, "name" varchar(40) not null, "price_brl_cents" int not null, "limits" jsonb not null, "updated_by" varchar(254) not null, "updated_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "stripe_event" ("id" varchar(100) not null, "type" varchar(100) not null, "tenant" uuid null, "created" bigint not null, "outcome" varchar(200) not null, "received_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "stripe_event_tenant_received_at_index" on "stripe_event" ("tenant", "received_at");`);

    this.addSql(`create table "billing_subscription" ("tenant_id" uuid not null, "plan" text not null default 'starter', "stripe_customer_id" varchar(100) null, "stripe_subscription_id" varchar(100) null, "stripe_price_id" varchar(100) null, "stripe_status" varchar(30) null, "current_period_end" timestamptz null, "cancel_at_period_end" boolean not null default false, "synced_at" timestamptz null, "comp_plan" text null, "comp_until" timestamptz null, "comp_by" varchar(254) null, "past_due_since" timestamptz null, "grace_ends_at" timestamptz null, "pauses_at" timestamptz null, "pause_notified_at" timestamptz null, "provisioned_at" timestamptz null, "deprovisioned_at" timestamptz null, "purge_at" timestamptz null, "purged_at" timestamptz null, "updated_at" timestamptz not null, primary key ("tenant_id"));`);
    this.addSql(`alter table "billing_subscription" add constraint "billing_subscription_stripe_customer_id_unique" unique ("stripe_customer_id");`);
    this.addSql(`alter table "billing_subscription" add constraint "billing_subscription_stripe_subscription_id_unique" unique ("stripe_subscription_id");`);
    this.addSql(`create index "billing_subscription_grace_ends_at_index" on "billing_subscription" ("grace_ends_at");`);
    this.addSql(`create index "billing_subscription_purge_at_index" on "billing_subscription" ("purge_at");`);

    this.addSql(`alter table "plan_setting" add constraint "plan_setting_id_check" check ("id" in ('starter', 'pro', 'business', 'enterprise'));`);

    this.addSql(`alter table "billing_subscription" add constraint "billing_subscription_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "billing_subscription" add constraint "billing_subscription_plan_check" check ("plan" in ('starter', 'pro', 'business', 'enterprise'));`);
    this.addSql(`alter table "billing_subscription" add constraint "billing_subscription_comp_plan_check" check ("comp_plan" in ('starter', 'pro', 'business', 'enterprise'));`);
  }

  async down() {
    this.addSql(`drop table if exists "plan_setting" cascade;`);
    this.addSql(`drop table if exists "stripe_event" cascade;`);
    this.addSql(`drop table if exists "billing_subscription" cascade;`);
  }

}
exports.Migration20261122091820_billing = Migration20261122091820_billing;
