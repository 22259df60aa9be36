// The shapes of the API answers the inspector's screens read (see the API's cases and categories schemas).

export type Severity = 'general' | 'serious' | 'major';

export type Category = { code: string; name_zh: string; name_en: string; icon: string; default_severity: Severity };

/** GET /api/categories. */
export type CategoryTree = {
  groups: { domain: 'river' | 'fire'; name_zh: string; name_en: string; categories: Category[] }[];
  severities: { code: Severity; name_zh: string; name_en: string }[];
};

/** GET /api/cases/nearby: an open case close by, perhaps the same problem. */
export type NearbyCase = {
  id: number;
  code: string;
  status: string;
  category: string;
  description: string;
  distance_m: number;
  created_at: string;
};

/** One row of GET /api/cases. */
export type CaseSummary = {
  id: number;
  code: string;
  status: string;
  category: string;
  severity: Severity;
  description: string;
  location: { type: 'Point'; coordinates: [number, number] };
  area: { name: string } | null;
  created_at: string;
  overdue: boolean;
};

export type CaseList = { cases: CaseSummary[]; total: number };

/** The part of GET /api/cases/:id these screens use. */
export type CaseAnswer = {
  id: number;
  code: string;
  status: string;
  version: number;
  description: string;
  category: { code: string; name_zh: string; name_en: string; icon: string };
  location: { type: 'Point'; coordinates: [number, number] };
  photos: { id: string; stage: string; urls: { thumb: string; display: string } }[];
  available_actions: string[];
};

/** A point in WGS-84, with how sure we are of it. */
export type Fix = { lat: number; lon: number; accuracyM?: number | undefined };
