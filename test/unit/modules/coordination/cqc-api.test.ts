/**
 * The CQC API adapter against a local stub server on 127.0.0.1: the subscription key is sent, the
 * location's ratings are read, and a missing location or a failing API is a clear error.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CqcApiError, cqcApiConfig, createCqcApi } from '../../../../src/modules/coordination/providers/cqc-api.ts';

let server: Server;
let baseUrl = '';
const seenKeys: (string | undefined)[] = [];

before(async () => {
  server = createServer((request, response) => {
    seenKeys.push(request.headers['ocp-apim-subscription-key'] as string | undefined);
    if (request.url === '/public/v1/locations/1-000000001') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({
        locationId: '1-000000001', name: 'Agency One House', providerName: 'Agency One Ltd', postalAddressLine1: '1 New Road', postalAddressTownCity: 'Kidderminster', postalCode: 'DY10 1AA',
        currentRatings: { overall: { rating: 'Good', reportDate: '2023-11-14', keyQuestionRatings: [{ name: 'Safe', rating: 'Good' }, { name: 'Well-led', rating: 'Requires improvement' }] } },
      }));
    } else if (request.url === '/public/v1/locations/1-000000500') {
      response.statusCode = 500;
      response.end();
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/public/v1`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the adapter is off without a subscription key', () => {
  assert.equal(cqcApiConfig({}), null);
  assert.equal(cqcApiConfig({ CQC_API_SUBSCRIPTION_KEY: 'k' })?.baseUrl, 'https://api.service.cqc.org.uk/public/v1');
});

test('a location is read with its ratings, sending the subscription key', async () => {
  const api = createCqcApi(cqcApiConfig({ CQC_API_SUBSCRIPTION_KEY: 'secret-key', CQC_API_BASE_URL: baseUrl }) ?? assert.fail('no config'));
  const location = await api.location('1-000000001');
  assert.equal(seenKeys.at(-1), 'secret-key');
  assert.deepEqual(location.ratings, { overall: 'good', safe: 'good', wellLed: 'requires_improvement', reportDate: '2023-11-14' });
  assert.deepEqual(location.address, ['1 New Road', 'Kidderminster']);
  await assert.rejects(api.location('1-000000404'), (error: unknown) => error instanceof CqcApiError && /no location 1-000000404/.test(error.message));
  await assert.rejects(api.location('1-000000500'), /answered 500/);
});
