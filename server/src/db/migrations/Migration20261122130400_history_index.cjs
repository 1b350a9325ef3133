'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261122130400_history_index extends Migration {

  name = 'Migration20261122130400_history_index';

  async up() {
    this.addSql(`drop index "chat_message_conversation_id_created_at_index";`);
    this.addSql(`create index "chat_message_conversation_id_tenant_id_created_at_index" on "chat_message" ("conversation_id", "tenant_id", "created_at");`);
  }

  async down() {
    this.addSql(`drop index "chat_message_conversation_id_tenant_id_created_at_index";`);
    this.addSql(`create index "chat_message_conversation_id_created_at_index" on "chat_message" ("conversation_id", "created_at");`);
  }

}
exports.Migration20261122130400_history_index = Migration20261122130400_history_index;
