#!/usr/bin/env bash
# Complete AWS Deployment Setup Script
# Performs the end-to-end deployment of avpipeline to AWS, in the original's eight steps.

set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bash deploy/setup.sh [--help]

Deploys avpipeline to AWS in eight steps:
  1. check prerequisites (aws, docker, terraform)
  2. verify AWS credentials
  3. collect your e-mail address and the Alpha Vantage API key (the key is not echoed)
  4. store the API key in Parameter Store as a SecureString
  5. deploy the infrastructure with Terraform (deploy/terraform)
  6. build and push the Docker image (deploy/build_and_push.sh)
  7. remind you to confirm the SNS e-mail subscription
  8. show how to test the deployment

Environment:
  AWS_REGION            region to deploy to (default: us-east-1)
  EMAIL_ADDRESS         notification address (asked for when not set)
  AV_PARAMETER_NAME     Parameter Store name of the key (default: /avpipeline/alpha-vantage-api-key)
  TF_VAR_<name>         any other Terraform variable, e.g. TF_VAR_etf_symbol=IWB

Run it from anywhere; it finds the repository from its own location.
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
TERRAFORM_DIR="$SCRIPT_DIR/terraform"
AV_PARAMETER_NAME="${AV_PARAMETER_NAME:-/avpipeline/alpha-vantage-api-key}"

echo "=== AVPipeline AWS Deployment Setup ==="
echo ""

# Prerequisites check
echo "[Step 1/8] Checking prerequisites..."
command -v aws >/dev/null 2>&1 \
    || die "AWS CLI is not installed (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)"
command -v docker >/dev/null 2>&1 || die "Docker is not installed (https://docs.docker.com/get-docker/)"
command -v terraform >/dev/null 2>&1 \
    || die "Terraform is not installed (https://developer.hashicorp.com/terraform/install)"
docker info >/dev/null 2>&1 || die "Docker is not running (start Docker Desktop or the docker service)"
echo "✓ All prerequisites installed"

# Check AWS credentials
echo ""
echo "[Step 2/8] Verifying AWS credentials..."
AWS_ACCOUNT_ID="$(aws sts get-caller-identity --query Account --output text 2>/dev/null)" || {
    echo "Error: AWS credentials not configured" >&2
    echo "Run: aws configure" >&2
    exit 1
}
AWS_REGION="${AWS_REGION:-us-east-1}"
export AWS_REGION
echo "✓ AWS credentials verified (Account: $AWS_ACCOUNT_ID, Region: $AWS_REGION)"

# Get user inputs
echo ""
echo "[Step 3/8] Collecting configuration..."

EMAIL_ADDRESS="${EMAIL_ADDRESS:-}"
if [[ -z "$EMAIL_ADDRESS" ]]; then
    read -r -p "Enter your email address for notifications: " EMAIL_ADDRESS || true
fi
[[ -n "$EMAIL_ADDRESS" ]] || die "Email address is required"
[[ "$EMAIL_ADDRESS" == ?*@?*.?* ]] || die "'$EMAIL_ADDRESS' does not look like an email address"

# Is a key already stored? (Only its existence is asked for: nothing is decrypted or printed.)
KEY_ALREADY_STORED=false
if aws ssm get-parameter --name "$AV_PARAMETER_NAME" --region "$AWS_REGION" \
        --query Parameter.Name --output text >/dev/null 2>&1; then
    KEY_ALREADY_STORED=true
fi

API_KEY=""
if [[ "$KEY_ALREADY_STORED" == true ]]; then
    read -r -s -p "Enter Alpha Vantage API key (Enter keeps the key already in $AV_PARAMETER_NAME): " API_KEY || true
else
    read -r -s -p "Enter Alpha Vantage API key: " API_KEY || true
fi
echo ""
if [[ -z "$API_KEY" && "$KEY_ALREADY_STORED" != true ]]; then
    die "API key is required"
fi

echo "✓ Configuration collected"

# Store API key in Parameter Store
echo ""
echo "[Step 4/8] Storing API key in Parameter Store..."
if [[ -n "$API_KEY" ]]; then
    # The key goes to the AWS CLI through a private temporary file, never on a command line
    # (where `ps` would show it) and never in the Terraform state.
    KEY_FILE="$(umask 077 && mktemp)"
    trap 'rm -f "$KEY_FILE"' EXIT
    printf '%s' "$API_KEY" >"$KEY_FILE"
    unset API_KEY
    aws ssm put-parameter \
        --name "$AV_PARAMETER_NAME" \
        --type "SecureString" \
        --value "file://$KEY_FILE" \
        --overwrite \
        --region "$AWS_REGION" \
        >/dev/null
    rm -f "$KEY_FILE"
    echo "✓ API key stored in Parameter Store ($AV_PARAMETER_NAME)"
else
    echo "✓ Keeping the API key already stored in Parameter Store ($AV_PARAMETER_NAME)"
fi

# Initialize and apply Terraform
echo ""
echo "[Step 5/8] Deploying infrastructure with Terraform..."
terraform -chdir="$TERRAFORM_DIR" init -input=false
terraform -chdir="$TERRAFORM_DIR" apply \
    -input=false \
    -var="email_address=$EMAIL_ADDRESS" \
    -var="aws_region=$AWS_REGION" \
    -var="api_key_parameter_name=$AV_PARAMETER_NAME" \
    -auto-approve

ECR_REPOSITORY_URL="$(terraform -chdir="$TERRAFORM_DIR" output -raw ecr_repository_url)"
S3_BUCKET_NAME="$(terraform -chdir="$TERRAFORM_DIR" output -raw s3_bucket_name)"
SNS_TOPIC_ARN="$(terraform -chdir="$TERRAFORM_DIR" output -raw sns_topic_arn)"
ECS_CLUSTER_NAME="$(terraform -chdir="$TERRAFORM_DIR" output -raw ecs_cluster_name)"
LOG_GROUP="$(terraform -chdir="$TERRAFORM_DIR" output -raw cloudwatch_log_group)"

echo "✓ Infrastructure deployed"

# Build and push Docker image
echo ""
echo "[Step 6/8] Building and pushing Docker image..."
AWS_REGION="$AWS_REGION" "${BASH:-bash}" "$SCRIPT_DIR/build_and_push.sh"

echo "✓ Docker image pushed to ECR"

# Confirm SNS subscription
echo ""
echo "[Step 7/8] SNS Email Subscription"
echo "⚠️  IMPORTANT: Check your email ($EMAIL_ADDRESS) and confirm the SNS subscription"
if [[ -t 0 ]]; then
    read -r -p "Press Enter after confirming the subscription..." _ || true
else
    echo "(not waiting: no terminal on standard input)"
fi

# Test execution
echo ""
echo "[Step 8/8] Manual test execution..."
echo ""
echo "To manually test the pipeline:"
echo "1. Run: bash deploy/run_task.sh"
echo "2. Or go to AWS Console → ECS → Clusters → $ECS_CLUSTER_NAME → 'Tasks' tab → 'Run new task'"
echo "3. Or run: aws ecs run-task --cluster $ECS_CLUSTER_NAME --task-definition avpipeline --launch-type FARGATE --network-configuration \"awsvpcConfiguration={subnets=[YOUR_SUBNET_ID],assignPublicIp=ENABLED}\" --region $AWS_REGION"
echo ""
echo "To view logs:"
echo "  aws logs tail $LOG_GROUP --follow --region $AWS_REGION"
echo ""

# Deployment summary
echo "=== Deployment Complete ==="
echo ""
echo "Resources created:"
echo "  - ECR Repository: $ECR_REPOSITORY_URL"
echo "  - S3 Bucket: $S3_BUCKET_NAME"
echo "  - SNS Topic: $SNS_TOPIC_ARN"
echo "  - ECS Cluster: $ECS_CLUSTER_NAME"
echo "  - EventBridge Schedule: $(terraform -chdir="$TERRAFORM_DIR" output -raw eventbridge_rule_name) (every Sunday at 2am ET unless schedule_expression says otherwise)"
echo ""
echo "Next steps:"
echo "  1. Confirm SNS email subscription"
echo "  2. Test manual ECS task execution (bash deploy/run_task.sh)"
echo "  3. Monitor CloudWatch Logs: $LOG_GROUP"
echo "  4. Verify artifact in S3 after first run: aws s3 ls s3://$S3_BUCKET_NAME/ttm-artifacts/ --recursive --region $AWS_REGION"
echo ""
