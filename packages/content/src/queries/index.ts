export * from './articles';
export * from './authors';
export * from './topics';
export * from './site-settings';
export * from './home-page';
export * from './related';
export * from './search';
export * from './sitemap';
export { slugifyHeading, readingMinutes, WORDS_PER_MINUTE } from './rich-text';
