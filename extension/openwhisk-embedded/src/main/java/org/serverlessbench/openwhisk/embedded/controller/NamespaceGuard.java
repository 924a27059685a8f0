package org.serverlessbench.openwhisk.embedded.controller;

/** The one namespace: {@code _} and its own name are accepted; any other is 403 as for a foreign namespace. */
record NamespaceGuard(String namespace) {
    void check(String segment) {
        if (!segment.equals("_") && !segment.equals(namespace)) {
            throw ApiException.forbidden();
        }
    }

    /**
     * Entity names as OpenWhisk's {@code EntityName} allows them: word characters, then also {@code @ . -} and space.
     */
    static String checkName(String name) {
        if (name.isEmpty() || name.length() > 256 || !valid(name)) {
            throw ApiException.badRequest(Messages.ENTITY_NAME_ILLEGAL);
        }
        return name;
    }

    private static boolean valid(String name) {
        if (!word(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = word(c) || c == '@' || c == '.' || c == '-' || (c == ' ' && i < name.length() - 1);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
