/**
 * The gateway module's one error type, {@link dev.cordbus.gateway.error.GatewayException} with its kind enum. It sits
 * in its own package at the bottom so that every feature package can use it while the verticle's package
 * ({@code dev.cordbus.gateway}) stays above them all: no package cycle (see arch-tests).
 */
package dev.cordbus.gateway.error;
