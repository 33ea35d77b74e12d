#!/bin/sh
# Run once per `docker compose up` by the minio-setup service (the minio/mc image): creates
# the archive's bucket and a user that may read and write that bucket only. Every step may
# run again on a later start without failing.
set -eu

# MinIO may still be starting even once its health check passed: retry the first call.
tries=0
until mc alias set atelier http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null; do
  tries=$((tries + 1))
  [ "$tries" -lt 30 ] || { echo "MinIO did not answer within 30 s" >&2; exit 1; }
  sleep 1
done

mc mb --ignore-existing "atelier/$S3_BUCKET"

policy=/tmp/atelier-archive-policy.json
cat > "$policy" <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetBucketLocation"], "Resource": ["arn:aws:s3:::$S3_BUCKET"] },
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::$S3_BUCKET/*"] }
  ]
}
JSON
mc admin policy create atelier atelier-archive "$policy"
# Adding a user that exists sets its secret again: a changed S3_SECRET_ACCESS_KEY applies.
mc admin user add atelier "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"
if ! out=$(mc admin policy attach atelier atelier-archive --user "$S3_ACCESS_KEY_ID" 2>&1); then
  case "$out" in
    *"already in effect"*) ;;
    *) echo "$out" >&2; exit 1 ;;
  esac
fi
echo "Bucket $S3_BUCKET is ready for $S3_ACCESS_KEY_ID."
