/** Limits applied while reading a package. All sizes are in bytes. */
export interface PackageLimits {
  /** Maximum total uncompressed size of all entries. Default 2 GiB. */
  maxTotalUncompressedBytes: number;
  /** Maximum uncompressed size of a single entry. Default: same as the total. */
  maxEntryUncompressedBytes: number;
  /** Maximum number of entries (files and directories). Default 20 000. */
  maxEntries: number;
  /** Maximum compression ratio (uncompressed / compressed), per entry and overall. Default 200. */
  maxCompressionRatio: number;
  /**
   * Entries (and packages) smaller than this are exempt from the ratio check:
   * a few KiB of blank text legitimately compress 300:1 and are harmless. Default 1 MiB.
   */
  ratioCheckMinBytes: number;
  /** Maximum size of a manifest or metadata XML file read into memory. Default 5 MiB. */
  maxManifestBytes: number;
}

/** Sensible defaults for uploaded courseware. */
export const DEFAULT_PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxTotalUncompressedBytes: 2 * 1024 ** 3,
  maxEntryUncompressedBytes: 2 * 1024 ** 3,
  maxEntries: 20_000,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 ** 2,
  maxManifestBytes: 5 * 1024 ** 2,
});

/** Fills in defaults for the limits not given. */
export function resolveLimits(limits?: Partial<PackageLimits>): PackageLimits {
  return { ...DEFAULT_PACKAGE_LIMITS, ...(limits ?? {}) };
}
