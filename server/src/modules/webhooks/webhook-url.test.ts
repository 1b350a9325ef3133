import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { checkEndpointUrl, urlForAudit } from './webhook-url.ts';

const fieldOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.fields?.url?.[0];
    throw error;
  }
  return undefined;
};

describe('checkEndpointUrl', () => {
  it('lets demo and test modes post to a local receiver over http', () => {
    expect(fieldOf(() => checkEndpointUrl('http://127.0.0.1:4000/hook', false))).toBeUndefined();
  });

  it('refuses anything but http(s), in every mode', () => {
    expect(fieldOf(() => checkEndpointUrl('ftp://example.com/hook', false))).toBe('Invalid URL');
  });

  it('in production wants https and a public address', () => {
    expect(fieldOf(() => checkEndpointUrl('http://hooks.example.com/', true))).toBe(
      'Use an https:// address',
    );
    expect(fieldOf(() => checkEndpointUrl('https://172.20.0.5/', true))).toBe(
      'Use a public address, not a private or local one',
    );
    expect(fieldOf(() => checkEndpointUrl('https://metadata.internal/', true))).toBe(
      'Use a public address, not a private or local one',
    );
    expect(fieldOf(() => checkEndpointUrl('https://hooks.example.com/', true))).toBeUndefined();
  });
});

describe('urlForAudit', () => {
  it('drops credentials and the query string, which may carry tokens', () => {
    expect(urlForAudit('https://user:pa55@n8n.example.com/webhook/abc?token=s3cret')).toBe(
      'https://n8n.example.com/webhook/abc',
    );
  });
});
