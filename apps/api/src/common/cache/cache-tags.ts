// What a cached entry depends on inside its (type, organisation). A write replaces the generation of
// exactly the tags whose views it changed, so one edit costs only the entries that showed it.
export const CacheTags = {
  // Every list page of the type: any create, delete or change can move or alter a row of any page.
  list: 'list',
  objective: (id: string) => `objective:${id}`,
  metric: (id: string) => `metric:${id}`,
  // An OKR's own view, its key-result list and its place in the lists (progress rolls up into it).
  okr: (id: string) => `okr:${id}`,
  // A key result's view and its check-in pages.
  keyResult: (id: string) => `key-result:${id}`,
} as const;

export interface CacheEntry {
  key: string;
  tags: readonly string[];
}
