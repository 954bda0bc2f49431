using Microsoft.AspNetCore.Identity;

namespace TokenAdmin.People;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
