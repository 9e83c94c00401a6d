# The HTTP API is generated from topology.json: one route per declared route, the compliance
# authorizer on every route whose auth is "authorizer". Nothing here names a route by hand.
locals {
  routes = { for r in var.routes : "${r.method} ${r.path}" => r }

  # Functions that serve routes get an integration; the authorizer function is invoked as such.
  route_functions = toset([for r in var.routes : r.function])
}

resource "aws_apigatewayv2_api" "this" {
  name          = "${var.name_prefix}-api"
  protocol_type = "HTTP"
  # Only CloudFront may reach the API, through the custom domain and with the origin secret.
  disable_execute_api_endpoint = true
  tags                         = var.tags
}

resource "aws_apigatewayv2_integration" "function" {
  for_each = local.route_functions

  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_uri        = var.functions[each.key].alias_invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 29000
}

resource "aws_apigatewayv2_authorizer" "compliance" {
  api_id                            = aws_apigatewayv2_api.this.id
  name                              = "${var.name_prefix}-${var.authorizer.function}"
  authorizer_type                   = "REQUEST"
  authorizer_uri                    = var.functions[var.authorizer.function].alias_invoke_arn
  authorizer_payload_format_version = var.authorizer.payloadFormatVersion
  enable_simple_responses           = var.authorizer.simpleResponses
  # The identity sources are the cache key: a cached answer is reused only for the same token,
  # origin secret and location (docs/compliance.md).
  identity_sources                 = var.authorizer.identitySources
  authorizer_result_ttl_in_seconds = var.authorizer.resultTtlSeconds
}

resource "aws_apigatewayv2_route" "this" {
  for_each = local.routes

  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.key
  target             = "integrations/${aws_apigatewayv2_integration.function[each.value.function].id}"
  authorization_type = each.value.auth == "authorizer" ? "CUSTOM" : "NONE"
  authorizer_id      = each.value.auth == "authorizer" ? aws_apigatewayv2_authorizer.compliance.id : null
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name_prefix}-api"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_apigatewayv2_stage" "this" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.throttling.rate_limit
    throttling_burst_limit = var.throttling.burst_limit
  }

  # No headers, tokens or bodies: only what locates a request and its outcome.
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      integrationLatency = "$context.integrationLatency"
      responseLatency    = "$context.responseLatency"
      authorizerError    = "$context.authorizer.error"
      integrationError   = "$context.integrationErrorMessage"
      sourceIp           = "$context.identity.sourceIp"
    })
  }

  tags = var.tags
}

resource "aws_lambda_permission" "route" {
  for_each = local.route_functions

  statement_id  = "AllowApiGateway"
  action        = "lambda:InvokeFunction"
  function_name = var.functions[each.key].function_name
  qualifier     = var.functions[each.key].alias_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*/*"
}

resource "aws_lambda_permission" "authorizer" {
  statement_id  = "AllowApiGatewayAuthorizer"
  action        = "lambda:InvokeFunction"
  function_name = var.functions[var.authorizer.function].function_name
  qualifier     = var.functions[var.authorizer.function].alias_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/authorizers/${aws_apigatewayv2_authorizer.compliance.id}"
}
