package org.petition.spring;

import java.lang.reflect.InvocationTargetException;
import javax.sql.DataSource;
import org.petition.store.SignatureStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The JDBC signature store (its Flyway migrations run as it is built) when the application has a {@link
 * DataSource}; otherwise {@link PetitionAutoConfiguration} falls back to the in-memory store.
 */
@AutoConfiguration(
    before = PetitionAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(name = PetitionJdbcStoreAutoConfiguration.JDBC_STORE)
@ConditionalOnBean(DataSource.class)
public class PetitionJdbcStoreAutoConfiguration {

  static final String JDBC_STORE = "org.petition.store.jdbc.JdbcSignatureStore";

  @Bean
  @ConditionalOnMissingBean
  public SignatureStore petitionSignatureStore(DataSource dataSource) {
    return JdbcStores.build(dataSource);
  }

  /** Calls {@code JdbcSignatureStore.builder(dataSource).build()}, which runs the store's migrations. */
  static final class JdbcStores {

    private JdbcStores() {}

    // Reflective until the JDBC store lands in core; then this becomes a direct call.
    static SignatureStore build(DataSource dataSource) {
      try {
        Class<?> type = Class.forName(JDBC_STORE, true, JdbcStores.class.getClassLoader());
        Object builder = type.getMethod("builder", DataSource.class).invoke(null, dataSource);
        return (SignatureStore) builder.getClass().getMethod("build").invoke(builder);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("the JDBC signature store could not be built", cause);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the JDBC signature store's builder API is not as expected", e);
      }
    }
  }
}
