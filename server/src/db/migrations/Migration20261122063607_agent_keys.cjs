'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122063607_agent_keys extends Migration {

  name = 'Migration20261122063607_agent_keys';

  async up() {
    this.addSql(`alter table "llm_usage" alter column "agent_id" type text using ("agent_id"::text);`);

    this.addSql(`alter table "budget_alert" alter column "agent_id" type text using ("agent_id"::text);`);

    this.addSql(`alter table "budget" alter column "agent_id" type text using ("agent_id"::text);`);

    this.addSql(`alter table "llm_usage" alter column "agent_id" type varchar(80) using ("agent_id"::varchar(80));`);

    this.addSql(`alter table "budget_alert" alter column "agent_id" type varchar(80) using ("agent_id"::varchar(80));`);

    this.addSql(`alter table "budget" alter column "agent_id" type varchar(80) using ("agent_id"::varchar(80));`);
  }

  async down() {
    this.addSql(`alter table "budget" alter column "agent_id" type uuid using ("agent_id"::text::uuid);`);

    this.addSql(`alter table "budget_alert" alter column "agent_id" type uuid using ("agent_id"::text::uuid);`);

    this.addSql(`alter table "llm_usage" alter column "agent_id" type uuid using ("agent_id"::text::uuid);`);
  }

}
exports.Migration20261122063607_agent_keys = Migration20261122063607_agent_keys;
