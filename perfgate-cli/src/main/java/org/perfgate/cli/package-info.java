/**
 * The {@code perfgate} command: argument parsing (picocli), wiring of plan, engine, protocols and
 * reports, exit codes. The only module that reads the process environment and the console.
 */
package org.perfgate.cli;
