package org.petition.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small connection pool for tests: at most {@code size} physical connections, handed out behind a proxy
 * whose {@code close()} gives the connection back (rolled back, auto-commit on). A connection that broke
 * (closed by the driver after a fatal error) is dropped instead of being reused.
 */
final class TinyPool implements DataSource, AutoCloseable {

  private final String url;
  private final String user;
  private final String password;
  private final Semaphore permits;
  private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final List<Connection> all = new ArrayList<>();
  private volatile boolean closed;

  TinyPool(String url, String user, String password, int size) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.permits = new Semaphore(size, true);
  }

  /** Opens {@code n} connections now, so a timing test does not measure connecting. */
  TinyPool warm(int n) throws SQLException {
    List<Connection> borrowed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      borrowed.add(getConnection());
    }
    for (Connection connection : borrowed) {
      connection.close();
    }
    return this;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException("pool closed", "08003");
    }
    try {
      if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new SQLException("no connection free in 60 s", "08001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted waiting for a connection", "08001", e);
    }
    try {
      Connection physical;
      while ((physical = idle.pollFirst()) != null && physical.isClosed()) {
        forget(physical);
      }
      if (physical == null) {
        physical = DriverManager.getConnection(url, user, password);
        synchronized (all) {
          all.add(physical);
        }
      }
      return wrap(physical);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection wrap(Connection physical) {
    InvocationHandler handler = new InvocationHandler() {
      private boolean returned;

      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
          case "close" -> {
            if (!returned) {
              returned = true;
              giveBack(physical);
            }
            return null;
          }
          case "isClosed" -> {
            return returned || physical.isClosed();
          }
          default -> {
            if (returned) {
              throw new SQLException("connection already returned to the pool", "08003");
            }
            try {
              return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(TinyPool.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  private void giveBack(Connection physical) {
    try {
      if (!physical.isClosed() && !closed) {
        if (!physical.getAutoCommit()) {
          physical.rollback();
          physical.setAutoCommit(true);
        }
        idle.addFirst(physical);
        return;
      }
    } catch (SQLException e) {
      // broken: dropped below
    } finally {
      permits.release();
    }
    quietlyClose(physical);
    forget(physical);
  }

  private void forget(Connection physical) {
    synchronized (all) {
      all.remove(physical);
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      all.forEach(TinyPool::quietlyClose);
      all.clear();
    }
    idle.clear();
  }

  private static void quietlyClose(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing to do
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool has fixed credentials");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
