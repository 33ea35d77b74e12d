/** Keys of the model and project dimensions, shared by the sums and their labels. */

/** A technique run's model key: this prefix and the technique's id. */
export const TECHNIQUE_KEY_PREFIX = "technique:";
/** A launch with no model, technique or project recorded. */
export const UNKNOWN_KEY = "unknown";
