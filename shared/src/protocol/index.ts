// The bot-host protocol: sessions, events (host → server), commands (server → host), control API.
export * from './commands.ts';
export * from './control.ts';
export * from './events.ts';
export * from './session.ts';
