namespace TokenAdmin.Data;

public static class ExceptionChain
{
    /// <summary>The exception and the inner exceptions under it, outermost first.</summary>
    public static IEnumerable<Exception> AndCauses(this Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
            yield return current;
    }
}
