locals {
  native        = var.runtime == "provided.al2023"
  function_name = "${var.name_prefix}-${var.name}"
}

# Created before the function so Lambda never makes its own group without a retention.
resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${local.function_name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name    = local.function_name
  description      = var.description
  role             = aws_iam_role.this.arn
  filename         = var.zip_path
  source_code_hash = filebase64sha256(var.zip_path)
  runtime          = var.runtime
  architectures    = [var.architecture]
  # The custom runtime runs the zip's bootstrap and ignores the handler, which the API still requires.
  handler                        = local.native ? "not.used.in.provided.runtime" : var.handler
  memory_size                    = var.memory_mb
  timeout                        = var.timeout_seconds
  reserved_concurrent_executions = var.reserved_concurrency == null ? -1 : var.reserved_concurrency
  kms_key_arn                    = var.environment_kms_key_arn
  # SnapStart and the API's alias both need a published version.
  publish = true

  environment {
    variables = merge(
      var.environment,
      # Required by native Quarkus functions on the custom runtime.
      local.native ? { DISABLE_SIGNAL_HANDLERS = "true" } : {},
    )
  }

  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tracing_config {
    mode = "Active"
  }

  dynamic "vpc_config" {
    for_each = var.vpc == null ? [] : [var.vpc]
    content {
      subnet_ids         = vpc_config.value.subnet_ids
      security_group_ids = vpc_config.value.security_group_ids
    }
  }

  dynamic "snap_start" {
    for_each = local.native ? [] : [1]
    content {
      apply_on = "PublishedVersions"
    }
  }

  lifecycle {
    precondition {
      condition     = !local.native || endswith(var.zip_path, "-${var.architecture}.zip")
      error_message = "${var.name}: ${var.zip_path} is not an ${var.architecture} build; run native-build/build.sh --arch ${var.architecture} ${var.name}."
    }
  }

  tags = var.tags
}

# Callers (API Gateway, the scheduler, SQS) invoke this alias, so a deployment switches them all at once.
resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

resource "aws_lambda_function_event_invoke_config" "this" {
  count = var.on_failure_destination_arn == null ? 0 : 1

  function_name                = aws_lambda_function.this.function_name
  qualifier                    = aws_lambda_alias.live.name
  maximum_retry_attempts       = var.async_max_retry_attempts
  maximum_event_age_in_seconds = 3600

  destination_config {
    on_failure {
      destination = var.on_failure_destination_arn
    }
  }
}
