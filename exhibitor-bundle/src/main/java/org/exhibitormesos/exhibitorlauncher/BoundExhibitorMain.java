package org.exhibitormesos.exhibitorlauncher;

import java.io.Closeable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Starts Exhibitor 1.5.6 the way its own {@code ExhibitorMain.main} does, with one difference:
 * before Jetty starts, every connector is bound to the address in the system property
 * {@value #BIND_HOST_PROPERTY}. Exhibitor itself always binds {@code 0.0.0.0}, so several
 * Exhibitors on one machine (one per task address) would collide, and a task would listen on
 * addresses it does not own.
 *
 * <p>Why reflection: this class is compiled without Exhibitor on the classpath (the bundle keeps
 * Exhibitor's old jars out of the project's dependency graph), and the Jetty server Exhibitor
 * builds is a private field of {@code ExhibitorMain}. The names used here are those of
 * Exhibitor 1.5.6 and Jetty 6; any mismatch fails at start with a message naming the member.
 *
 * <p>Usage: {@code java -D}{@value #BIND_HOST_PROPERTY}{@code =<ip> -cp 'lib/*'
 * org.exhibitormesos.exhibitorlauncher.BoundExhibitorMain <Exhibitor's own options>}. Exit status
 * {@value #USAGE} when Exhibitor rejects its options, {@value #INCOMPATIBLE} when the classes do
 * not have the expected shape.
 */
public final class BoundExhibitorMain {
  /** The system property naming the address Jetty binds to. */
  public static final String BIND_HOST_PROPERTY = "exhibitormesos.bindHost";
  /** Exit status when Exhibitor rejects its command line. */
  public static final int USAGE = 64;
  /** Exit status when Exhibitor's classes are not those of 1.5.6. */
  public static final int INCOMPATIBLE = 70;

  static final String MAIN = "com.netflix.exhibitor.application.ExhibitorMain";
  static final String CREATOR = "com.netflix.exhibitor.standalone.ExhibitorCreator";
  static final String CREATOR_EXIT = "com.netflix.exhibitor.standalone.ExhibitorCreatorExit";
  static final String SECURITY_ARGUMENTS = "com.netflix.exhibitor.standalone.SecurityArguments";

  private BoundExhibitorMain() {}

  public static void main(String[] args) throws Throwable {
    String host = System.getProperty(BIND_HOST_PROPERTY, "").trim();
    if (host.isEmpty()) {
      System.err.println("exhibitor-mesos launcher: -D" + BIND_HOST_PROPERTY
          + " is not set; Exhibitor binds every address");
    }
    Object creator;
    try {
      creator = Class.forName(CREATOR).getConstructor(String[].class)
          .newInstance((Object) args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause != null && cause.getClass().getName().equals(CREATOR_EXIT)) {
        reportUsage(cause);
        Runtime.getRuntime().exit(USAGE);
        return;
      }
      throw cause == null ? e : cause;
    }
    Object main = newExhibitorMain(creator);
    if (!host.isEmpty()) {
      int bound = bindConnectors(main, host);
      System.err.println("exhibitor-mesos launcher: Jetty bound to " + host + " (" + bound
          + " connector" + (bound == 1 ? "" : "s") + ")");
    }
    run(main, creator);
  }

  /** Builds {@code ExhibitorMain} from the creator, as Exhibitor's own main does. */
  static Object newExhibitorMain(Object creator) throws Throwable {
    Class<?> mainClass = Class.forName(MAIN);
    Class<?> securityClass = Class.forName(SECURITY_ARGUMENTS);
    Object security = securityClass.getConstructor(String.class, String.class, String.class)
        .newInstance(call(creator, "getSecurityFile"), call(creator, "getRealmSpec"),
            call(creator, "getRemoteAuthSpec"));
    Object backup = call(creator, "getBackupProvider");
    Object config = call(creator, "getConfigProvider");
    Object builder = call(creator, "getBuilder");
    int port = (Integer) call(creator, "getHttpPort");
    Object securityHandler = call(creator, "getSecurityHandler");
    for (Constructor<?> c : mainClass.getConstructors()) {
      if (c.getParameterCount() == 6) {
        try {
          return c.newInstance(backup, config, builder, port, securityHandler, security);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw incompatible("no 6-argument constructor in " + MAIN);
  }

  /**
   * Sets the host of every connector of the main's Jetty server.
   *
   * @return how many connectors there were
   */
  static int bindConnectors(Object main, String host) throws ReflectiveOperationException {
    Field serverField;
    try {
      serverField = main.getClass().getDeclaredField("server");
    } catch (NoSuchFieldException e) {
      throw incompatible("no field 'server' in " + main.getClass().getName());
    }
    serverField.setAccessible(true);
    Object server = serverField.get(main);
    Object[] connectors = (Object[]) server.getClass().getMethod("getConnectors").invoke(server);
    if (connectors == null || connectors.length == 0) {
      throw incompatible("Exhibitor's Jetty server has no connector to bind");
    }
    for (Object connector : connectors) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, host);
    }
    return connectors.length;
  }

  // As ExhibitorMain.main: shutdown hook, start, wait, close, then the creator's closeables.
  private static void run(Object main, Object creator) throws Throwable {
    Class<?> mainClass = main.getClass();
    Method setShutdown = mainClass.getDeclaredMethod("setShutdown", mainClass);
    setShutdown.setAccessible(true);
    try {
      setShutdown.invoke(null, main);
      mainClass.getMethod("start").invoke(main);
      mainClass.getMethod("join").invoke(main);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      ((Closeable) main).close();
      for (Object closeable : (Iterable<?>) call(creator, "getCloseables")) {
        try {
          ((Closeable) closeable).close();
        } catch (RuntimeException | java.io.IOException e) {
          System.err.println("exhibitor-mesos launcher: closing " + closeable + ": " + e);
        }
      }
    }
  }

  private static void reportUsage(Throwable exit) {
    try {
      Object error = exit.getClass().getMethod("getError").invoke(exit);
      if (error != null) {
        System.err.println(error);
      }
      Object cli = exit.getClass().getMethod("getCli").invoke(exit);
      if (cli != null) {
        cli.getClass().getMethod("printHelp").invoke(cli);
      }
    } catch (ReflectiveOperationException e) {
      System.err.println("exhibitor-mesos launcher: Exhibitor rejected its options");
    }
  }

  private static Object call(Object target, String method) throws Throwable {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (NoSuchMethodException e) {
      throw incompatible("no method " + method + "() in " + target.getClass().getName());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static IllegalStateException incompatible(String what) {
    System.err.println("exhibitor-mesos launcher: not Exhibitor 1.5.6: " + what);
    System.err.flush();
    Runtime.getRuntime().halt(INCOMPATIBLE);
    return new IllegalStateException(what);
  }
}
