package io.htlnet.data.adapters;

import io.htlnet.config.DataConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.DatasetSchema;
import io.htlnet.data.source.CsvRecordSource;
import io.htlnet.data.source.RecordSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Any delimited file with a header; the config names every column's role. */
public class CsvAdapter implements DatasetAdapter {
  @Override
  public DatasetSchema defaultSchema() {
    return null;
  }

  @Override
  public RecordSource open(DataConfig config, long seed) {
    return new CsvRecordSource(path(config), delimiter(config));
  }

  static Path path(DataConfig config) {
    if (config.path() == null) {
      throw new InputException("config key 'data.path': format '" + config.format() + "' needs a CSV file (or --data PATH)");
    }
    return Path.of(config.path());
  }

  public static char delimiter(DataConfig config) {
    String d = config.delimiter();
    if (d == null || d.length() != 1) {
      throw new InputException("config key 'data.delimiter': must be one character, got '" + d + "'");
    }
    return d.charAt(0);
  }

  /** SHA-256 of the data file and of every joined file, in order. */
  @Override
  public String fingerprint(DataConfig config, long seed) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, path(config));
      for (var join : config.joins()) {
        update(digest, Path.of(join.path()));
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest digest, Path file) {
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage());
    }
  }
}
