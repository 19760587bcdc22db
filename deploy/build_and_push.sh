#!/usr/bin/env bash
# Build and Push Docker Image to ECR
# Builds the avpipeline image for linux/amd64 (what ECS Fargate runs) and pushes it to the `avpipeline`
# ECR repository, as the tag that the task definition runs (`latest` unless IMAGE_TAG says otherwise).

set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bash deploy/build_and_push.sh [--help]

Builds the Docker image from the repository root (docker build --platform linux/amd64),
logs in to ECR, tags the image and pushes it.

Environment:
  AWS_REGION      region of the ECR repository (default: us-east-1)
  IMAGE_TAG       tag to push (default: latest, the tag the ECS task runs)
  ECR_REPOSITORY  repository name (default: avpipeline)

Needs: the AWS CLI with credentials (aws configure) and a running Docker engine.
The repository URL is taken from `terraform output ecr_repository_url` when the
Terraform state in deploy/terraform has it, else built from your account ID.
USAGE
}

die() {
    echo "Error: $*" >&2
    exit 1
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    "") ;;
    *) usage >&2; die "unknown argument: $1" ;;
esac

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
TERRAFORM_DIR="$SCRIPT_DIR/terraform"

echo "=== Building and Pushing Docker Image to ECR ==="

# Check if AWS CLI is installed
command -v aws >/dev/null 2>&1 || die "AWS CLI is not installed (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)"

# Check if Docker is installed and running
command -v docker >/dev/null 2>&1 || die "Docker is not installed (https://docs.docker.com/get-docker/)"
docker info >/dev/null 2>&1 || die "Docker is not running (start Docker Desktop or the docker service)"

[[ -f "$REPO_ROOT/Dockerfile" ]] || die "no Dockerfile in $REPO_ROOT"

# Get AWS account ID and region
AWS_ACCOUNT_ID="$(aws sts get-caller-identity --query Account --output text 2>/dev/null)" \
    || die "AWS credentials not configured. Run: aws configure"
AWS_REGION="${AWS_REGION:-us-east-1}"
ECR_REPOSITORY="${ECR_REPOSITORY:-avpipeline}"
IMAGE_TAG="${IMAGE_TAG:-latest}"

ECR_REPOSITORY_URL=""
if command -v terraform >/dev/null 2>&1 && [[ -d "$TERRAFORM_DIR/.terraform" ]]; then
    ECR_REPOSITORY_URL="$(terraform -chdir="$TERRAFORM_DIR" output -raw ecr_repository_url 2>/dev/null || true)"
fi
if [[ -z "$ECR_REPOSITORY_URL" ]]; then
    ECR_REPOSITORY_URL="$AWS_ACCOUNT_ID.dkr.ecr.$AWS_REGION.amazonaws.com/$ECR_REPOSITORY"
fi
ECR_REGISTRY="${ECR_REPOSITORY_URL%%/*}"
ECR_IMAGE_URI="$ECR_REPOSITORY_URL:$IMAGE_TAG"

echo "AWS Account ID: $AWS_ACCOUNT_ID"
echo "AWS Region: $AWS_REGION"
echo "ECR Repository: $ECR_REPOSITORY_URL"
echo "Image Tag: $IMAGE_TAG"

# Login to ECR
echo ""
echo "[1/3] Logging in to ECR..."
aws ecr get-login-password --region "$AWS_REGION" \
    | docker login --username AWS --password-stdin "$ECR_REGISTRY"

# Build Docker image (linux/amd64: ECS Fargate runs x86_64, also when you build on an ARM Mac)
echo ""
echo "[2/3] Building Docker image..."
docker build --platform linux/amd64 -t "$ECR_REPOSITORY:$IMAGE_TAG" -f "$REPO_ROOT/Dockerfile" "$REPO_ROOT"

# Tag image for ECR
docker tag "$ECR_REPOSITORY:$IMAGE_TAG" "$ECR_IMAGE_URI"

# Push image to ECR
echo ""
echo "[3/3] Pushing image to ECR..."
docker push "$ECR_IMAGE_URI"

echo ""
echo "=== Image Successfully Pushed ==="
echo "Image URI: $ECR_IMAGE_URI"
