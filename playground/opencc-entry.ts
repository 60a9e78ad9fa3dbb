// The real traditional→simplified converter, built into its own file and loaded only when a report needs it.
import * as OpenCC from 'opencc-js/t2cn';

(globalThis as Record<string, unknown>).__xxgkOpenCC = OpenCC;
