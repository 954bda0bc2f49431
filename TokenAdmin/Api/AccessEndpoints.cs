using System.Text.Json;
using TokenAdmin.Accounts;
using TokenAdmin.Api.Wire;
using TokenAdmin.Data;

namespace TokenAdmin.Api;

/// <summary>Account accesses and their permissions: who holds what, and changes to it.</summary>
public static class AccessEndpoints
{
    private const string PermissionShape =
        "Each permission needs resource_type (account, project, inbox, sending_domain), resource_id (a positive " +
        "number) and, unless _destroy is true, access_level (100, 10, \"admin\" or \"viewer\").";

    public static void MapAccess(this RouteGroupBuilder api)
    {
        var accesses = api.MapGroup("/account_accesses").WithTags("Account accesses");
        accesses.MapGet("/", ListAsync)
            .WithSummary("People and tokens holding access; filter by project_ids, inbox_ids, domain_ids")
            .Produces<AccountAccessObject[]>();
        accesses.MapDelete("/{id}", DeleteAsync)
            .WithSummary("Remove a holder: a token is deleted, a person loses access")
            .Produces<DeletedObject>();
        accesses.MapPut("/{id}/permissions/bulk", ChangePermissionsAsync)
            .WithSummary("Set or remove single permissions of one holder")
            .AcceptsJson<BulkPermissionsBody>()
            .Produces<MessageObject>();

        api.MapGet("/permissions/resources", ResourcesAsync)
            .WithTags("Permissions")
            .WithSummary("The resource tree the caller administers, with the caller's level on each node")
            .Produces<ResourceTreeObject[]>();
    }

    private static async Task<IResult> ListAsync(HttpContext http, AccountAccessService accesses)
    {
        var reaching = AccessFilters.Read(http.Request.Query);
        var holders = await accesses.ListAsync(ApiCaller.Of(http).Actor, reaching, http.RequestAborted);
        return Results.Json(holders.Select(AccountAccessObject.From), ApiJson.Options);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string id, AccountAccessService accesses)
    {
        if (!WireValues.TryReadId(id, out var accessId))
            return ApiErrors.NotFound();
        var deleted = await accesses.DeleteAsync(ApiCaller.Of(http).Actor, accessId, http.RequestAborted);
        return deleted.Succeeded ? Results.Json(new DeletedObject(accessId), ApiJson.Options) : ApiErrors.From(deleted);
    }

    private static async Task<IResult> ChangePermissionsAsync(
        HttpContext http, string id, AccountAccessService accesses)
    {
        if (!WireValues.TryReadId(id, out var accessId))
            return ApiErrors.NotFound();
        var (body, unreadable) = await RequestBody.ReadJsonAsync(http);
        if (unreadable is not null)
            return unreadable;
        if (ReadChanges(body) is not { } changes)
            return ApiErrors.Invalid("permissions", PermissionShape);

        var changed = await accesses.ChangeGrantsAsync(ApiCaller.Of(http).Actor, accessId, changes, http.RequestAborted);
        return changed.Succeeded
            ? Results.Json(new MessageObject("Permissions have been updated!"), ApiJson.Options)
            : ApiErrors.From(changed);
    }

    private static async Task<IResult> ResourcesAsync(HttpContext http, AccessReader reader)
    {
        var access = await reader.GetAsync(ApiCaller.Of(http).Actor, http.RequestAborted);
        return Results.Json(ResourceTreeObject.Administered(access), ApiJson.Options);
    }

    private static List<GrantChange>? ReadChanges(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("permissions", out var permissions)
            || permissions.ValueKind != JsonValueKind.Array
            || permissions.GetArrayLength() == 0)
            return null;
        var changes = new List<GrantChange>();
        foreach (var item in permissions.EnumerateArray())
        {
            if (ReadChange(item) is not { } change)
                return null;
            changes.Add(change);
        }
        return changes;
    }

    private static GrantChange? ReadChange(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("resource_type", out var type) || !WireValues.TryReadResourceType(type, out var t)
            || !item.TryGetProperty("resource_id", out var id) || !WireValues.TryReadId(id, out var i))
            return null;
        var resource = new ResourceRef(t, i);
        if (item.TryGetProperty("_destroy", out var destroy) && IsTrue(destroy))
            return new GrantChange(resource, null);
        return item.TryGetProperty("access_level", out var level) && WireValues.TryReadLevel(level, out var l)
            ? new GrantChange(resource, l)
            : null;
    }

    private static bool IsTrue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => value.GetString() is "true" or "1",
        JsonValueKind.Number => value.TryGetInt32(out var number) && number == 1,
        _ => false,
    };
}

public sealed record DeletedObject(int Id);

public sealed record MessageObject(string Message);
