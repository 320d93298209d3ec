/** The requirement sets a manifest asks for, by name ("CustomFunctionsRuntime" → "1.3"). */
import { XMLParser } from 'fast-xml-parser';

export function requiredSets(xml: string): Record<string, string> {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true }).parse(xml);
  const sets = ([] as { '@Name': string; '@MinVersion': string }[]).concat(parsed.OfficeApp.Requirements.Sets.Set);
  return Object.fromEntries(sets.map((s) => [s['@Name'], s['@MinVersion']]));
}
