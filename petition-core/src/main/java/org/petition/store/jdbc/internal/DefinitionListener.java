package org.petition.store.jdbc.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's LISTEN on {@link #CHANNEL}, which a save of a petition's definition NOTIFYs: a daemon thread
 * holds one connection of its own, waits for notifications and runs the callback on each batch of them, so
 * an instance hears of another's change in milliseconds instead of at its next version check. A lost
 * connection is taken again after a pause (the callback runs then too, as a change may have been missed).
 * pgjdbc's {@code PGConnection.getNotifications(int)} is called reflectively, so the store needs the driver
 * only at run time, as it does for everything else.
 */
public final class DefinitionListener implements AutoCloseable {

  /** The channel a save of a definition notifies. */
  public static final String CHANNEL = "petition_definitions";

  private static final Logger LOG = LoggerFactory.getLogger(DefinitionListener.class);
  private static final int WAIT_MILLIS = 500;
  private static final long PAUSE_MILLIS = 2_000;

  private final DataSource dataSource;
  private final Runnable onChange;
  private final Thread thread;
  private volatile boolean closed;

  public DefinitionListener(DataSource dataSource, Runnable onChange) {
    this.dataSource = dataSource;
    this.onChange = onChange;
    this.thread = new Thread(this::listen, "petition-definitions-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private void listen() {
    while (!closed) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        Class<?> pg = Class.forName("org.postgresql.PGConnection", true, connection.getClass().getClassLoader());
        Object listening = connection.unwrap(pg);
        Method poll = pg.getMethod("getNotifications", int.class);
        runCallback(); // anything saved before LISTEN took effect
        while (!closed) {
          Object notifications = poll.invoke(listening, WAIT_MILLIS);
          if (notifications != null && Array.getLength(notifications) > 0) {
            runCallback();
          }
        }
      } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("listening for petition definition changes failed ({}); polling meanwhile, listening again in {} ms",
            e.getClass().getSimpleName(), PAUSE_MILLIS);
        try {
          Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void runCallback() {
    try {
      onChange.run();
    } catch (RuntimeException e) {
      LOG.debug("definition change callback failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Stops listening and gives the connection back. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
