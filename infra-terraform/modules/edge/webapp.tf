# The player web app (webapp/dist) in a private bucket, served by the same distribution as the
# API: the app is the default behaviour, /v1/* goes to the API. Same origin, so no CORS, and one
# geo restriction and web ACL for both. CloudFront reads the bucket through origin access
# control; nothing else can.

resource "aws_s3_bucket" "webapp" {
  bucket_prefix = "${var.name_prefix}-webapp-"
  force_destroy = !var.production
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "webapp" {
  bucket                  = aws_s3_bucket.webapp.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "webapp" {
  bucket = aws_s3_bucket.webapp.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "webapp" {
  bucket = aws_s3_bucket.webapp.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Public static files: S3-managed keys are enough, and CloudFront's origin access control reads
# them without a key policy.
resource "aws_s3_bucket_server_side_encryption_configuration" "webapp" {
  bucket = aws_s3_bucket.webapp.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_cloudfront_origin_access_control" "webapp" {
  name                              = "${var.name_prefix}-webapp"
  description                       = "CloudFront reads the web app's bucket, signed."
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

data "aws_iam_policy_document" "webapp_bucket" {
  statement {
    sid       = "CloudFrontReadsTheApp"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.webapp.arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.this.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "webapp" {
  bucket = aws_s3_bucket.webapp.id
  policy = data.aws_iam_policy_document.webapp_bucket.json
}

# A single-page app: a path that names no file (no dot in its last segment) is the app's own
# route, so CloudFront serves index.html for it. Error-page rewriting would apply to the whole
# distribution and hide the API's 403 and 404 answers; this runs on the app's behaviour only.
resource "aws_cloudfront_function" "webapp_index" {
  name    = "${var.name_prefix}-webapp-index"
  runtime = "cloudfront-js-2.0"
  comment = "Serves index.html for the web app's own routes."
  publish = true
  code    = file("${path.module}/webapp-index.js")
}

data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}
