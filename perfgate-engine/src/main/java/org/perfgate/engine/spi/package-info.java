/**
 * The protocol SPI: what the engine needs from an HTTP client. Implementations live in protocol
 * modules (perfgate-http) and are found with {@link java.util.ServiceLoader}. Only protocol modules
 * open sockets to the target.
 */
package org.perfgate.engine.spi;
