using TokenAdmin.Accounts;
using TokenAdmin.CommandLine;

namespace TokenAdmin.Tests.CommandLine;

public sealed class GrantArgumentTests
{
    [Theory]
    [InlineData("account:1:admin", ResourceType.Account, 1, AccessLevel.Admin)]
    [InlineData("Project:7:Viewer", ResourceType.Project, 7, AccessLevel.Viewer)]
    [InlineData("sandbox:12:100", ResourceType.Sandbox, 12, AccessLevel.Admin)]
    [InlineData("INBOX:12:10", ResourceType.Sandbox, 12, AccessLevel.Viewer)]
    [InlineData("sending_domain:3:admin", ResourceType.SendingDomain, 3, AccessLevel.Admin)]
    [InlineData("domain:3:viewer", ResourceType.SendingDomain, 3, AccessLevel.Viewer)]
    public void GrantIsReadWhenWrittenAsTypeIdAndLevel(string text, ResourceType type, int id, AccessLevel level)
    {
        var grant = GrantArgument.Parse(text);

        Assert.Equal(new GrantRequest(new ResourceRef(type, id), level), grant.Value);
    }

    [Theory]
    [InlineData("project:7", "is not <resource type>")]
    [InlineData("project:7:admin:extra", "is not <resource type>")]
    [InlineData("folder:7:admin", "the resource type is one of")]
    [InlineData("project:seven:admin", "the resource id is a positive whole number")]
    [InlineData("project:0:admin", "the resource id is a positive whole number")]
    [InlineData("project:-7:admin", "the resource id is a positive whole number")]
    [InlineData("project:7:owner", "the level is admin or viewer")]
    [InlineData("project:7:1000", "the level is admin or viewer")]
    [InlineData("", "is not <resource type>")]
    public void GrantIsRefusedWithTheReasonWhenMalformed(string text, string reason)
    {
        var grant = GrantArgument.Parse(text);

        Assert.False(grant.Succeeded);
        Assert.Contains(reason, grant.Error);
        Assert.Contains($"'{text}'", grant.Error);
    }

    [Fact]
    public void ResourceIsNamedAsTheArgumentsNameItWhenDescribed()
    {
        var names = new[] { ResourceRef.SendingDomain(3), ResourceRef.Sandbox(12) }.Select(GrantArgument.Describe);

        Assert.Equal(["sending_domain 3", "sandbox 12"], names);
    }
}
