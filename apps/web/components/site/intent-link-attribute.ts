/** Marks the links `IntentNavigation` prefetches on intent and follows with client navigation. */
export const INTENT_LINK_ATTRIBUTE = 'data-intent';
