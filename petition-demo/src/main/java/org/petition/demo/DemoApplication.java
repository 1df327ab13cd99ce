package org.petition.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the demo: {@code mvn -pl petition-demo spring-boot:run}, then open http://localhost:8080. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DemoApplication {

  public static void main(String[] args) {
    SpringApplication.run(DemoApplication.class, args);
  }
}
