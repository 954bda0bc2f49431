namespace TokenAdmin.Api;

public static class JsonBodies
{
    /// <summary>
    /// Names the JSON body in the OpenAPI document. Bodies are read by hand whatever their content type (see
    /// <see cref="RequestBody"/>): clients send resets typed as forms, and a wrong type gets the contract's 400 or
    /// 422. So routing must accept every content type, where <c>Accepts</c> alone would answer a bare 415.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder endpoint, bool isOptional = false)
        where TBody : notnull =>
        endpoint.Accepts<TBody>(isOptional, "application/json", "*/*");
}
