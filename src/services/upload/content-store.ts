import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** Where staged, content-addressed and extracted bytes live in the bucket. */
export const keys = {
  staging: (uploadId: string) => `staging/${uploadId}`,
  content: (sha256: string) => `content/sha256/${sha256.slice(0, 2)}/${sha256}`,
  packagePrefix: (sha256: string) => `packages/${sha256}/`,
};

const statusOf = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * The S3 operations of uploads and ingestion, on one bucket. Bytes never pass
 * through the API process on the way in (clients PUT to presigned URLs); the
 * worker streams them out of S3 to hash and inspect, never holding a whole
 * object in memory.
 */
export class ContentStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  /**
   * A presigned PUT. Content-Length is signed, so real S3 refuses a body of
   * another size (s3rver does not check; the HEAD after completion does).
   */
  presignPut(key: string, size: number, expiresIn: number): Promise<string> {
    return getSignedUrl(
      this.s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentLength: size }),
      { expiresIn, signableHeaders: new Set(['content-length']) },
    );
  }

  presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    size: number,
    expiresIn: number,
  ): Promise<string> {
    return getSignedUrl(
      this.s3,
      new UploadPartCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: partNumber,
        ContentLength: size,
      }),
      { expiresIn, signableHeaders: new Set(['content-length']) },
    );
  }

  /** A short-lived GET that answers with the given Content-Type (and file name, for downloads). */
  presignGet(
    key: string,
    expiresIn: number,
    opts: { contentType?: string; downloadName?: string } = {},
  ): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: opts.contentType,
        ResponseContentDisposition: opts.downloadName
          ? `inline; filename*=UTF-8''${encodeURIComponent(opts.downloadName)}`
          : undefined,
      }),
      { expiresIn },
    );
  }

  async createMultipart(key: string): Promise<string> {
    const res = await this.s3.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key }),
    );
    if (!res.UploadId) throw new Error('S3 returned no UploadId');
    return res.UploadId;
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: Array<{ partNumber: number; etag: string }>,
  ): Promise<void> {
    await this.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
      }),
    );
  }

  /**
   * Aborts a multipart upload. s3rver answers MethodNotAllowed (it cannot
   * abort) and S3 answers NoSuchUpload once it is gone: both mean there is
   * nothing more we can do, so they are not errors here.
   */
  async abortMultipart(key: string, uploadId: string): Promise<'aborted' | 'unsupported'> {
    try {
      await this.s3.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }),
      );
      return 'aborted';
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'NoSuchUpload' || statusOf(err) === 404) return 'aborted';
      if (name === 'MethodNotAllowed' || statusOf(err) === 405 || name === 'NotImplemented')
        return 'unsupported';
      throw err;
    }
  }

  /** Size and type of an object, or null when it does not exist. */
  async head(key: string): Promise<{ size: number; contentType?: string } | null> {
    try {
      const res = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: res.ContentLength ?? 0, contentType: res.ContentType };
    } catch (err) {
      if (statusOf(err) === 404 || (err as Error).name === 'NotFound') return null;
      throw err;
    }
  }

  /** The first `length` bytes (for sniffing the type), or fewer when the object is shorter. */
  async readHead(key: string, length: number): Promise<Buffer> {
    const res = await this.s3.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }),
    );
    const bytes = await res.Body!.transformToByteArray();
    return Buffer.from(bytes.subarray(0, length));
  }

  /**
   * Streams an object to a local file while hashing it: the only way the
   * bytes reach the worker, and never whole in memory.
   */
  async downloadHashing(
    key: string,
    filePath: string,
    signal?: AbortSignal,
  ): Promise<{ sha256: string; size: number }> {
    const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      abortSignal: signal,
    });
    const hash = createHash('sha256');
    let size = 0;
    const body = res.Body as Readable;
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(body, createWriteStream(filePath), { signal });
    return { sha256: hash.digest('hex'), size };
  }

  /** Server-side copy (S3 allows up to 5 GiB per copy, the ceiling of every size limit). */
  async copy(fromKey: string, toKey: string, contentType: string): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: toKey,
        CopySource: `${this.bucket}/${encodeURIComponent(fromKey).replace(/%2F/g, '/')}`,
        ContentType: contentType,
        MetadataDirective: 'REPLACE',
      }),
    );
  }

  async putStream(
    key: string,
    body: Readable | Buffer,
    size: number,
    contentType: string,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: size,
        ContentType: contentType,
      }),
      { abortSignal: signal },
    );
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Deletes every object under a prefix (a partial extraction), a page at a time. */
  async deletePrefix(prefix: string): Promise<number> {
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ContinuationToken: token,
          MaxKeys: 1000,
        }),
      );
      const objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (objects.length) {
        await this.s3.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: objects } }),
        );
        deleted += objects.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  async countPrefix(prefix: string): Promise<number> {
    let count = 0;
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      count += page.KeyCount ?? page.Contents?.length ?? 0;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return count;
  }
}
