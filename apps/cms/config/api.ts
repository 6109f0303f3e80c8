export default {
  rest: {
    defaultLimit: 25,
    // Requests above this are rejected with 400 by global::reject-oversized-pages, not clamped silently.
    maxLimit: 100,
    withCount: true,
  },
};
