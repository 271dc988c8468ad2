package io.htlnet.config;

/**
 * A problem with what the user gave us (a config key, a data file, a model folder). Its message is
 * one complete line that names the place (file:line:column, or the config key); the CLI prints it
 * without a stack trace.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
