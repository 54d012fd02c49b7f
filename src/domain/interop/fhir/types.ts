/** The few FHIR R4 data types the export writes (the full structure is checked against the R4 JSON Schema in tests). */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Extension {
  url: string;
  valueCodeableConcept?: CodeableConcept;
  extension?: Extension[];
}
export interface Identifier {
  system: string;
  value: string;
  extension?: Extension[];
}
export interface Reference {
  reference?: string;
  display?: string;
}
export interface Period {
  start?: string;
  end?: string;
}
export interface Resource {
  resourceType: string;
  id: string;
  meta: { profile: string[] };
  [element: string]: unknown;
}
export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: Resource }[];
}
