export { CHROMIUM_FLAGS, chromiumPath } from './chromium';
export { DRAFT_STATUS_SPELLINGS } from './draft-selectors';
