import { describe, expect, it } from 'vitest';
import { botHomeTab, botTabs, currentTab } from './bot-tabs.ts';

const base = '/w/t1/bots/b1';

describe('a bot’s tabs', () => {
  it('puts the QR link first for a WhatsApp Web bot and the Cloud API settings for a Cloud API bot', () => {
    expect(botTabs('web')).toEqual(['whatsapp', 'agents', 'sandbox', 'versions', 'pairing']);
    expect(botTabs('cloud')).toEqual(['cloud', 'agents', 'sandbox', 'versions', 'pairing']);
    expect(botHomeTab('web')).toBe('whatsapp');
    expect(botHomeTab('cloud')).toBe('cloud');
  });

  it('reads the tab from the path, only when the bot’s channel has it', () => {
    expect(currentTab(`${base}/agents`, base, 'cloud')).toBe('agents');
    expect(currentTab(`${base}/cloud`, base, 'cloud')).toBe('cloud');
    expect(currentTab(`${base}/cloud/`, base, 'cloud')).toBe('cloud');
    expect(currentTab(`${base}/whatsapp`, base, 'web')).toBe('whatsapp');
    expect(currentTab(`${base}/whatsapp`, base, 'cloud')).toBeNull();
    expect(currentTab(`${base}/cloud`, base, 'web')).toBeNull();
    expect(currentTab(base, base, 'web')).toBeNull();
    expect(currentTab(`${base}/cloudy`, base, 'cloud')).toBeNull();
  });
});
