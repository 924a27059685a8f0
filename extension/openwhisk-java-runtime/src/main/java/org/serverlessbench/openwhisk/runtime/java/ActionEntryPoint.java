package org.serverlessbench.openwhisk.runtime.java;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;

/**
 * The action's {@code public static JsonObject|JsonArray method(JsonObject|JsonArray)}, loaded from its jar with a
 * class loader of its own.
 */
final class ActionEntryPoint {

    private final URLClassLoader loader;
    private final Method objectMethod;
    private final Method arrayMethod;

    private ActionEntryPoint(URLClassLoader loader, Method objectMethod, Method arrayMethod) {
        this.loader = loader;
        this.objectMethod = objectMethod;
        this.arrayMethod = arrayMethod;
    }

    /**
     * @param base64Jar the jar, base64 encoded
     * @param main      {@code fully.qualified.Class} or {@code fully.qualified.Class#method}; the method defaults to
     *                  {@code main}
     */
    static ActionEntryPoint load(String base64Jar, String main) throws IOException, ReflectiveOperationException {
        // One init per process: a fixed name in the container's private temp directory; createTempFile would first
        // seed a SecureRandom, which is slow in a fresh JVM.
        Path jar = Paths.get(System.getProperty("java.io.tmpdir"), "useraction.jar");
        Files.write(jar, Base64.getMimeDecoder().decode(base64Jar));
        int hash = main.indexOf('#');
        String className = hash < 0 ? main : main.substring(0, hash);
        String methodName = hash < 0 ? "main" : main.substring(hash + 1);
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ActionEntryPoint.class.getClassLoader());
        Class<?> actionClass = loader.loadClass(className);
        Method objectMethod = find(actionClass, methodName, JsonObject.class);
        Method arrayMethod = find(actionClass, methodName, JsonArray.class);
        if (objectMethod == null && arrayMethod == null) {
            loader.close();
            throw new NoSuchMethodException(className + "." + methodName + ": the action needs a public static method "
                    + methodName + "(JsonObject) or " + methodName + "(JsonArray) returning JsonObject or JsonArray");
        }
        return new ActionEntryPoint(loader, objectMethod, arrayMethod);
    }

    private static Method find(Class<?> actionClass, String name, Class<?> parameter) {
        try {
            Method method = actionClass.getMethod(name, parameter);
            boolean jsonResult = JsonObject.class.equals(method.getReturnType())
                    || JsonArray.class.equals(method.getReturnType());
            return Modifier.isStatic(method.getModifiers()) && jsonResult ? method : null;
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }

    /**
     * Calls the action with the context class loader set to the action's.
     *
     * @throws java.lang.reflect.InvocationTargetException wrapping whatever the action threw
     */
    JsonElement invoke(JsonElement argument) throws ReflectiveOperationException {
        Method method = argument.isJsonArray() ? arrayMethod : objectMethod;
        if (method == null) {
            throw new NoSuchMethodException("The action has no main method that accepts a "
                    + (argument.isJsonArray() ? "JsonArray" : "JsonObject"));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object output = method.invoke(null, argument);
            if (output == null) {
                throw new NullPointerException("The action returned null");
            }
            return (JsonElement) output;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
