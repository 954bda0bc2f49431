using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TokenAdmin.Data.PostgreSql;

/// <summary>
/// Turns every <c>EF.Functions.Like</c> into <c>ILike</c> before a query compiles: the searches were written for
/// SQLite, whose LIKE ignores case, while PostgreSQL's LIKE does not.
/// </summary>
internal sealed class CaseInsensitiveLike : ExpressionVisitor, IQueryExpressionInterceptor
{
    // One instance for every app in the process: EF Core builds its internal services per interceptor instance.
    public static readonly CaseInsensitiveLike Instance = new();

    private static readonly Dictionary<MethodInfo, MethodInfo> Replacements = new()
    {
        [LikeMethod(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), 3)] =
            LikeMethod(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), 3),
        [LikeMethod(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), 4)] =
            LikeMethod(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), 4),
    };

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        return Replacements.TryGetValue(visited.Method, out var ignoringCase)
            ? Expression.Call(ignoringCase, visited.Arguments)
            : visited;
    }

    private static MethodInfo LikeMethod(Type type, string name, int parameterCount) => type.GetMethods()
        .Single(method => method.Name == name
            && method.GetParameters().Length == parameterCount
            && method.GetParameters().All(parameter => parameter.ParameterType != typeof(char)));
}
