using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenAdmin.Data.Migrations
{
    /// <inheritdoc />
    public partial class SandboxCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SandboxCredentials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SandboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    PasswordHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EncryptedPassword = table.Column<string>(type: "TEXT", nullable: false),
                    Last4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiryRecordedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxCredentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SandboxCredentials_Sandboxes_SandboxId",
                        column: x => x.SandboxId,
                        principalTable: "Sandboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxCredentials_CurrentOfSandbox",
                table: "SandboxCredentials",
                column: "SandboxId",
                unique: true,
                filter: "\"ResetAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxCredentials_ExpiresAt",
                table: "SandboxCredentials",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxCredentials_SandboxId",
                table: "SandboxCredentials",
                column: "SandboxId");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxCredentials_Username",
                table: "SandboxCredentials",
                column: "Username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SandboxCredentials");
        }
    }
}
