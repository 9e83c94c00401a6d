/**
 * What operators watch besides the logs of each request: security events, one structured line
 * each on their own logger, which CloudWatch counts and alarms on. No personal data goes here.
 */
package io.fairdraw.platform.monitoring;
