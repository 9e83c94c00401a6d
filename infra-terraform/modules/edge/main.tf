# CloudFront in front of the API and the web app (webapp.tf): geo restriction, the web ACL, the
# origin secret, and a viewer-request function that always sends a region header to the API
# (docs/compliance.md).

resource "aws_cloudfront_function" "viewer_region" {
  name    = "${var.name_prefix}-viewer-region"
  runtime = "cloudfront-js-2.0"
  comment = "Sets cloudfront-viewer-country-region to - when CloudFront cannot place the viewer in a region."
  publish = true
  code    = file("${path.module}/viewer-region.js")
}

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

# Everything the viewer sent (the Authorization header and the Host the API's custom domain
# answers to included; with caching disabled the policy may forward them) plus the viewer's location.
resource "aws_cloudfront_origin_request_policy" "api" {
  name    = "${var.name_prefix}-api"
  comment = "All viewer headers and the viewer-location headers the authorizer reads."

  cookies_config {
    cookie_behavior = "none"
  }

  headers_config {
    header_behavior = "allViewerAndWhitelistCloudFront"

    headers {
      items = ["CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Region"]
    }
  }

  query_strings_config {
    query_string_behavior = "all"
  }
}

resource "aws_cloudfront_distribution" "this" {
  enabled             = true
  comment             = "${var.name_prefix} API and web app"
  default_root_object = "index.html"
  aliases             = [var.domain_name]
  price_class         = var.price_class
  http_version        = "http2and3"
  is_ipv6_enabled     = true
  web_acl_id          = aws_wafv2_web_acl.this.arn

  origin {
    origin_id   = "api"
    domain_name = var.origin_domain_name

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      origin_read_timeout    = 30
    }

    # Overrides any header of the same name a viewer sends.
    custom_header {
      name  = "x-fairdraw-origin-secret"
      value = local.origin_secret
    }
  }

  origin {
    origin_id                = "webapp"
    domain_name              = aws_s3_bucket.webapp.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.webapp.id
  }

  # The player web app, cached at the edge.
  default_cache_behavior {
    target_origin_id       = "webapp"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = data.aws_cloudfront_cache_policy.optimized.id
    compress               = true

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.webapp_index.arn
    }
  }

  # The API: never cached, every viewer header forwarded, the region header always present.
  ordered_cache_behavior {
    path_pattern             = "/v1/*"
    target_origin_id         = "api"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = data.aws_cloudfront_cache_policy.disabled.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.api.id
    compress                 = true

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.viewer_region.arn
    }
  }

  # No distribution-wide country list: it would also refuse a payment provider's webhooks, which
  # come from its own countries. The web ACL blocks other countries on every path but the
  # webhooks (waf.tf, rule only-allowed-countries).
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate_validation.viewer.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  tags = var.tags
}

resource "aws_acm_certificate" "viewer" {
  provider = aws.us_east_1

  domain_name       = var.domain_name
  validation_method = "DNS"
  tags              = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

# The regional certificate of the same name (api module) asks for the same validation record.
resource "aws_route53_record" "viewer_validation" {
  for_each = {
    for o in aws_acm_certificate.viewer.domain_validation_options : o.domain_name => o
  }

  zone_id         = var.hosted_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "viewer" {
  provider = aws.us_east_1

  certificate_arn         = aws_acm_certificate.viewer.arn
  validation_record_fqdns = [for r in aws_route53_record.viewer_validation : r.fqdn]
}

resource "aws_route53_record" "alias" {
  for_each = toset(["A", "AAAA"])

  zone_id = var.hosted_zone_id
  name    = var.domain_name
  type    = each.key

  alias {
    name                   = aws_cloudfront_distribution.this.domain_name
    zone_id                = aws_cloudfront_distribution.this.hosted_zone_id
    evaluate_target_health = false
  }
}
