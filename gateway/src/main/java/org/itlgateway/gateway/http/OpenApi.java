package org.itlgateway.gateway.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of a JSON API, {@code GET /openapi.json}, made from its JAX-RS resources when it starts: the
 * paths and methods, path and query parameters, the records bodies are read into and answers are written from, and
 * the problem every error is. Being made from the code, it cannot drift from it; the copies in {@code docs/} are
 * checked against it by tests.
 */
@Path("openapi.json")
public final class OpenApi {

    private static final List<Class<? extends Annotation>> METHODS = List.of(GET.class, PUT.class, POST.class, DELETE.class);

    private final Map<String, Object> document;

    OpenApi(String title, List<Object> resources, ObjectMapper mapper, boolean bearer) {
        List<Class<?>> classes = new ArrayList<>(resources.stream().<Class<?>>map(Object::getClass).toList());
        classes.add(OpenApi.class);
        this.document = describe(title, classes, mapper, bearer);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document() {
        return document;
    }

    /** Every route of the resources as {@code METHOD /path}, sorted by path. */
    public static List<String> routes(List<Class<?>> resources) {
        List<String> routes = new ArrayList<>();
        operations(resources).forEach((path, methods) -> methods.forEach((verb, method) ->
                routes.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return routes;
    }

    /** The document of the resources' routes. */
    public static Map<String, Object> describe(String title, List<Class<?>> resources, ObjectMapper mapper,
                                               boolean bearer) {
        Schemas schemas = new Schemas(mapper);
        Map<String, Object> paths = new LinkedHashMap<>();
        operations(resources).forEach((path, methods) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            methods.forEach((verb, method) -> item.put(verb, operation(method, schemas)));
            paths.put(path, item);
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", title, "version", "1"));
        if (bearer) {
            doc.put("security", List.of(Map.of("bearer", List.of())));
        }
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        schemas.named.put("Problem", problemSchema());
        components.put("schemas", new TreeMap<>(schemas.named));
        if (bearer) {
            components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")));
        }
        doc.put("components", components);
        return ordered(doc);
    }

    /** The document with every map in a fixed order (the small immutable maps have none), so it is written alike. */
    @SuppressWarnings("unchecked")
    private static <T> T ordered(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = map instanceof LinkedHashMap || map instanceof TreeMap
                    ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), ordered(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(OpenApi::ordered).toList();
        }
        return value;
    }

    /** path → (get, put, post, delete → method), paths sorted. */
    private static Map<String, Map<String, Method>> operations(List<Class<?>> resources) {
        Map<String, Map<String, Method>> operations = new TreeMap<>();
        for (Class<?> resource : resources) {
            Path base = resource.getAnnotation(Path.class);
            Method[] declared = resource.getMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName));
            for (Method method : declared) {
                for (Class<? extends Annotation> verb : METHODS) {
                    if (method.isAnnotationPresent(verb)) {
                        String path = join(base == null ? "" : base.value(),
                                method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
                        operations.computeIfAbsent(path, p -> new TreeMap<>(Comparator.comparingInt(OpenApi::order)))
                                .put(verb.getSimpleName().toLowerCase(java.util.Locale.ROOT), method);
                    }
                }
            }
        }
        return operations;
    }

    private static int order(String verb) {
        return List.of("get", "put", "post", "delete").indexOf(verb);
    }

    private static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{([A-Za-z]+)(:[^}]*)?}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Map<String, Object> operation(Method method, Schemas schemas) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", method.getName());
        Answers answers = method.getAnnotation(Answers.class);
        if (answers != null && !answers.summary().isEmpty()) {
            operation.put("summary", answers.summary());
        }
        List<Object> parameters = new ArrayList<>();
        Object body = null;
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path != null) {
                parameters.add(Map.of("name", path.value(), "in", "path", "required", true,
                        "schema", schemas.of(parameter.getParameterizedType())));
            } else if (query != null) {
                parameters.add(Map.of("name", query.value(), "in", "query", "required", false,
                        "schema", schemas.of(parameter.getParameterizedType())));
            } else if (parameter.getAnnotations().length == 0 || !hasJaxRsAnnotation(parameter)) {
                body = schemas.of(parameter.getParameterizedType());
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (body != null) {
            String consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class).value()[0]
                    : MediaType.APPLICATION_JSON;
            operation.put("requestBody", Map.of("required", true, "content", Map.of(consumes, Map.of("schema", body))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        int[] statuses = answers != null ? answers.status() : new int[] {method.getReturnType() == void.class ? 204 : 200};
        Type returned = answers != null && answers.body() != Void.class ? answers.body()
                : method.getReturnType() == Response.class || method.getReturnType() == void.class ? null
                : method.getGenericReturnType();
        for (int status : statuses) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("description", Problem.reason(status));
            if (returned != null) {
                Map<String, Object> content = new LinkedHashMap<>();
                Produces produces = method.getAnnotation(Produces.class);
                if (produces != null && Arrays.stream(produces.value()).noneMatch(type -> type.startsWith(MediaType.APPLICATION_JSON))) {
                    // a route that answers text only (e.g. GET /metrics): its own media types
                    for (String type : produces.value()) {
                        content.put(type, Map.of("schema", Map.of("type", "string")));
                    }
                } else {
                    content.put(MediaType.APPLICATION_JSON, Map.of("schema", schemas.of(returned)));
                }
                if (produces != null && Arrays.asList(produces.value()).contains(MediaType.TEXT_PLAIN)) {
                    content.put(MediaType.TEXT_PLAIN, Map.of("schema", Map.of("type", "string")));
                }
                response.put("content", content);
            }
            responses.put(String.valueOf(status), response);
        }
        responses.put("default", Map.of("description", "a problem (RFC 9457)",
                "content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        operation.put("responses", responses);
        return operation;
    }

    private static boolean hasJaxRsAnnotation(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("jakarta.ws.rs.") || annotation instanceof Context) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("field", Map.of("type", "string", "description", "the request body's field that is wrong"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("required", List.of("type", "title", "status", "detail"));
        schema.put("properties", properties);
        schema.put("additionalProperties", true);
        return schema;
    }

    /** JSON schemas of Java types, records named once in the components. */
    private static final class Schemas {

        private final ObjectMapper mapper;
        private final Map<String, Object> named = new LinkedHashMap<>();
        private final Map<Class<?>, String> names = new LinkedHashMap<>();

        Schemas(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        Map<String, Object> of(Type type) {
            if (type instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                Type[] arguments = parameterized.getActualTypeArguments();
                if (Collection.class.isAssignableFrom(raw)) {
                    return Map.of("type", "array", "items", of(arguments[0]));
                }
                if (Map.class.isAssignableFrom(raw)) {
                    return Map.of("type", "object", "additionalProperties", of(arguments[1]));
                }
                if (raw == java.util.Optional.class) {
                    return of(arguments[0]);
                }
                return of(raw);
            }
            if (!(type instanceof Class<?> cls)) {
                return Map.of();
            }
            if (cls == String.class || cls == char.class) {
                return Map.of("type", "string");
            }
            if (cls == int.class || cls == Integer.class) {
                return Map.of("type", "integer", "format", "int32");
            }
            if (cls == long.class || cls == Long.class) {
                return Map.of("type", "integer", "format", "int64");
            }
            if (cls == boolean.class || cls == Boolean.class) {
                return Map.of("type", "boolean");
            }
            if (cls == double.class || cls == Double.class || cls == java.math.BigDecimal.class) {
                return Map.of("type", "number");
            }
            if (cls == Instant.class) {
                return Map.of("type", "string", "format", "date-time");
            }
            if (cls == LocalDate.class) {
                return Map.of("type", "string", "format", "date");
            }
            if (cls == java.time.Duration.class) {
                return Map.of("type", "string", "description", "an ISO-8601 duration such as PT1H");
            }
            if (cls.isEnum()) {
                Map<String, Object> names = Map.of("type", "string",
                        "enum", Arrays.stream(cls.getEnumConstants()).map(String::valueOf).toList());
                List<Integer> codes = hasItsOwnReader(cls) ? codes(cls) : List.of();
                // a value of a code list (an enum with its number, code()) is read by its number or its name
                return codes.isEmpty() ? names : Map.of("anyOf", List.of(names, Map.of("type", "integer", "enum", codes)));
            }
            if (Collection.class.isAssignableFrom(cls) || cls.isArray()) {
                return Map.of("type", "array", "items", cls.isArray() ? of(cls.getComponentType()) : Map.of());
            }
            if (cls == Object.class || JsonNode.class.isAssignableFrom(cls)) {
                return Map.of(); // any JSON value
            }
            if (Map.class.isAssignableFrom(cls)) {
                return Map.of("type", "object");
            }
            if (isWrittenAsText(cls)) {
                return Map.of("type", "string");
            }
            if (cls.isRecord()) {
                return Map.of("$ref", "#/components/schemas/" + name(cls));
            }
            return Map.of("type", "object");
        }

        /** True when the API's mapper reads the enum with a reader of its own, not Jackson's by name. */
        private boolean hasItsOwnReader(Class<?> enumType) {
            try {
                var context = ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext)
                        mapper.getDeserializationContext()).createDummyInstance(mapper.getDeserializationConfig());
                return !(context.findRootValueDeserializer(mapper.constructType(enumType))
                        instanceof com.fasterxml.jackson.databind.deser.std.EnumDeserializer);
            } catch (com.fasterxml.jackson.databind.JsonMappingException | RuntimeException e) {
                return false;
            }
        }

        /** The numbers of an enum's values when it has them ({@code int code()}), else none. */
        private List<Integer> codes(Class<?> enumType) {
            try {
                Method code = enumType.getMethod("code");
                if (code.getReturnType() != int.class) {
                    return List.of();
                }
                List<Integer> codes = new ArrayList<>();
                for (Object value : enumType.getEnumConstants()) {
                    codes.add((Integer) code.invoke(value));
                }
                return codes;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return List.of();
            }
        }

        private boolean isWrittenAsText(Class<?> cls) {
            try {
                JavaType type = mapper.constructType(cls);
                JsonSerializer<Object> serializer = mapper.getSerializerProviderInstance().findValueSerializer(type);
                return serializer instanceof ToStringSerializerBase;
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                return false;
            }
        }

        private String name(Class<?> record) {
            String known = names.get(record);
            if (known != null) {
                return known;
            }
            String name = record.getSimpleName();
            if (named.containsKey(name)) {
                name = (record.getEnclosingClass() == null ? record.getPackageName().replaceAll(".*\\.", "")
                        : record.getEnclosingClass().getSimpleName()) + name;
            }
            names.put(record, name);
            named.put(name, Map.of()); // taken before its properties, for records that refer to themselves
            Map<String, Object> properties = new LinkedHashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)) {
                    continue;
                }
                com.fasterxml.jackson.annotation.JsonProperty renamed =
                        component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (renamed == null) {
                    renamed = component.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                }
                properties.put(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName(),
                        of(component.getGenericType()));
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            named.put(name, schema);
            return name;
        }
    }
}
