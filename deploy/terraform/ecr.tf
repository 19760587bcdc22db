# ECR repository for the container image (built and pushed by deploy/build_and_push.sh)

resource "aws_ecr_repository" "avpipeline" {
  name                 = "avpipeline"
  image_tag_mutability = "MUTABLE" # the task runs the `latest` tag, which each push moves
  force_delete         = var.force_destroy

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }

  tags = {
    Name = "avpipeline"
  }
}

resource "aws_ecr_lifecycle_policy" "avpipeline" {
  repository = aws_ecr_repository.avpipeline.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep last 5 images"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = 5
      }
      action = {
        type = "expire"
      }
    }]
  })
}
