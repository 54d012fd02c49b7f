/**
 * An adapter for the CQC public API (https://api.service.cqc.org.uk/public/v1): one location's name,
 * provider, address and current ratings. Off unless a subscription key is configured
 * (`CQC_API_SUBSCRIPTION_KEY`; `CQC_API_BASE_URL` points it elsewhere, such as a test stub).
 */
import type { ProviderLocation } from './cqc-csv.ts';
import { readRating } from './cqc-csv.ts';

export interface CqcApiConfig {
  baseUrl: string;
  subscriptionKey: string;
  timeoutMs: number;
}

export function cqcApiConfig(env: NodeJS.ProcessEnv = process.env): CqcApiConfig | null {
  const subscriptionKey = env.CQC_API_SUBSCRIPTION_KEY?.trim();
  if (!subscriptionKey) return null;
  return { baseUrl: (env.CQC_API_BASE_URL?.trim() || 'https://api.service.cqc.org.uk/public/v1').replace(/\/$/, ''), subscriptionKey, timeoutMs: 10_000 };
}

interface CqcLocationJson {
  locationId?: string;
  name?: string;
  brandName?: string;
  providerName?: string;
  postalAddressLine1?: string;
  postalAddressLine2?: string;
  postalAddressTownCity?: string;
  postalCode?: string;
  localAuthority?: string;
  gacServiceTypes?: { name?: string }[];
  currentRatings?: { overall?: { rating?: string; reportDate?: string; keyQuestionRatings?: { name?: string; rating?: string }[] } };
}

const keyQuestionFields: Record<string, 'safe' | 'effective' | 'caring' | 'responsive' | 'wellLed'> = {
  safe: 'safe', effective: 'effective', caring: 'caring', responsive: 'responsive', 'well-led': 'wellLed', 'well led': 'wellLed',
};

export function locationFromCqcJson(json: CqcLocationJson, locationId: string): ProviderLocation {
  const overall = json.currentRatings?.overall;
  const ratings: ProviderLocation['ratings'] = {};
  const rating = readRating(overall?.rating);
  if (rating) ratings.overall = rating;
  for (const question of overall?.keyQuestionRatings ?? []) {
    const field = keyQuestionFields[question.name?.trim().toLowerCase() ?? ''];
    const value = readRating(question.rating);
    if (field && value) ratings[field] = value;
  }
  if (overall?.reportDate && /^\d{4}-\d{2}-\d{2}/.test(overall.reportDate)) ratings.reportDate = overall.reportDate.slice(0, 10);
  return {
    locationId: json.locationId ?? locationId,
    name: json.name ?? locationId,
    providerName: json.providerName ?? json.brandName,
    address: [json.postalAddressLine1, json.postalAddressLine2, json.postalAddressTownCity].filter((l): l is string => Boolean(l)),
    postcode: json.postalCode,
    localAuthority: json.localAuthority,
    serviceTypes: (json.gacServiceTypes ?? []).map((s) => s.name).filter((n): n is string => Boolean(n)),
    ratings,
  };
}

export class CqcApiError extends Error {}

export function createCqcApi(config: CqcApiConfig, fetchImpl: typeof fetch = fetch) {
  return {
    async location(locationId: string): Promise<ProviderLocation> {
      const url = `${config.baseUrl}/locations/${encodeURIComponent(locationId)}`;
      let response: Response;
      try {
        response = await fetchImpl(url, { headers: { 'Ocp-Apim-Subscription-Key': config.subscriptionKey, accept: 'application/json' }, signal: AbortSignal.timeout(config.timeoutMs) });
      } catch (error) {
        throw new CqcApiError(`The CQC API could not be reached: ${(error as Error).message}`);
      }
      if (response.status === 404) throw new CqcApiError(`CQC has no location ${locationId}`);
      if (!response.ok) throw new CqcApiError(`The CQC API answered ${response.status}`);
      return locationFromCqcJson((await response.json()) as CqcLocationJson, locationId);
    },
  };
}
export type CqcApi = ReturnType<typeof createCqcApi>;
